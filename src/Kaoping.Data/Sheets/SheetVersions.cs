using Kaoping.Data.Entities;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.ChangeTracking;
using Microsoft.EntityFrameworkCore.Diagnostics;

namespace Kaoping.Data.Sheets;

/// <summary>
/// Raises a sheet's version by one in every save that changes the sheet or any of its rows (<see cref="ISheetRow"/>),
/// in the same transaction. The version is the sheet's ETag and concurrency token, and what <see cref="SheetStore"/>
/// keeps a sheet's rows by: nothing may change them without it rising, so it is done here, where no change can forget it.
/// A row changed without its sheet being tracked brings the sheet into the save.
/// </summary>
internal sealed class SheetVersions : SaveChangesInterceptor
{
    public static SheetVersions Instance { get; } = new();

    public override InterceptionResult<int> SavingChanges(DbContextEventData eventData, InterceptionResult<int> result)
    {
        if (eventData.Context is { } db)
        {
            var changed = ChangedSheets(db);
            foreach (var id in Untracked(db, changed))
                db.Set<Sheet>().Find(id);
            Raise(db, changed);
        }
        return result;
    }

    public override async ValueTask<InterceptionResult<int>> SavingChangesAsync(DbContextEventData eventData, InterceptionResult<int> result,
        CancellationToken cancellationToken = default)
    {
        if (eventData.Context is { } db)
        {
            var changed = ChangedSheets(db);
            foreach (var id in Untracked(db, changed))
                await db.Set<Sheet>().FindAsync([id], cancellationToken);
            Raise(db, changed);
        }
        return result;
    }

    /// <summary>The sheets whose rows change in this save, by id; new sheets (not yet saved) aside.</summary>
    private static HashSet<int> ChangedSheets(DbContext db)
    {
        // The context has detected its changes already (KaopingDbContext.GuardAuditTrail); a context used otherwise has not.
        if (db.ChangeTracker.AutoDetectChangesEnabled)
            db.ChangeTracker.DetectChanges();
        var ids = new HashSet<int>();
        foreach (var entry in db.ChangeTracker.Entries())
        {
            if (entry.Entity is ISheetRow row && entry.State is EntityState.Added or EntityState.Modified or EntityState.Deleted
                && !entry.Property(nameof(ISheetRow.SheetId)).IsTemporary)
                ids.Add(row.SheetId);
        }
        return ids;
    }

    private static List<int> Untracked(DbContext db, HashSet<int> changed)
    {
        var tracked = db.ChangeTracker.Entries<Sheet>().Select(e => e.Entity.Id).ToHashSet();
        return [.. changed.Where(id => !tracked.Contains(id))];
    }

    private static void Raise(DbContext db, HashSet<int> changed)
    {
        foreach (var entry in db.ChangeTracker.Entries<Sheet>())
        {
            if (entry.State is EntityState.Modified || (entry.State is EntityState.Unchanged && changed.Contains(entry.Entity.Id)))
                RaiseOnce(entry);
        }
    }

    private static void RaiseOnce(EntityEntry<Sheet> entry)
    {
        var version = entry.Property(s => s.Version);
        if (version.CurrentValue == version.OriginalValue)
            version.CurrentValue = version.OriginalValue + 1;
    }
}
