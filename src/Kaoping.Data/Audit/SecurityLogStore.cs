using Kaoping.Data.Entities;
using Microsoft.EntityFrameworkCore;

namespace Kaoping.Data.Audit;

/// <summary>
/// The security log's persistence. Appending is a compare-and-swap on the log's head row: the event is linked to the
/// head's hash as read and saved with the head moved to its own hash, on condition that the head is still as read (a
/// concurrency token); a writer that lost the race reads the new head and links again. One short row lock per event,
/// on both databases; the sheets' audit trails are not behind it. On SQLite the read and the save hold the write gate
/// together, so this process's appends never conflict (a conflict would leave the gate to the exception's path).
/// </summary>
public sealed class SecurityLogStore(IDbContextFactory<KaopingDbContext> contexts, SqliteWriteGate gate)
{
    private const int Attempts = 100;

    /// <summary>Appends the event to the chain; returns it as stored, with its id and hash.</summary>
    public async Task<SecurityEvent> AppendAsync(SecurityEvent what, CancellationToken cancel)
    {
        for (var attempt = 1; ; attempt++)
        {
            await using var db = await contexts.CreateDbContextAsync(cancel);
            try
            {
                return db.Database.GetDbConnection() is Microsoft.Data.Sqlite.SqliteConnection
                    ? await gate.HoldAsync(() => AppendOnceAsync(db, what, cancel), cancel)
                    : await AppendOnceAsync(db, what, cancel);
            }
            catch (DbUpdateConcurrencyException) when (attempt < Attempts)
            {
                // Someone appended since the head was read: link to theirs.
            }
        }
    }

    /// <summary>
    /// Appends the event on the caller's context, inside the caller's transaction (the command line's user creation):
    /// the event is saved with the change it records, or neither is. A concurrent append makes it throw; nothing is saved.
    /// </summary>
    public static Task<SecurityEvent> AppendWithAsync(KaopingDbContext db, SecurityEvent what, CancellationToken cancel) =>
        AppendOnceAsync(db, what, cancel);

    private static async Task<SecurityEvent> AppendOnceAsync(KaopingDbContext db, SecurityEvent what, CancellationToken cancel)
    {
        var head = await db.SecurityLogHeads.SingleAsync(h => h.Id == SecurityLogHead.TheOne, cancel);
        var entry = new SecurityEvent
        {
            Kind = what.Kind, UserName = Clip(what.UserName, 256), By = Clip(what.By, 256), Address = Clip(what.Address, 64),
            Detail = Clip(what.Detail, 1000), At = AuditHash.Stored(what.At),
        };
        entry.Hash = AuditLinks.Of(entry, head.Hash);
        head.Hash = entry.Hash;
        db.SecurityLog.Add(entry);
        await db.SaveChangesAsync(cancel);
        return entry;
    }

    /// <summary>Events newest first, <paramref name="take"/> of them, older than the event <paramref name="before"/> when given.</summary>
    public async Task<List<SecurityEvent>> PageAsync(long? before, int take, CancellationToken cancel)
    {
        await using var db = await contexts.CreateDbContextAsync(cancel);
        var events = db.SecurityLog.AsNoTracking();
        if (before is { } id)
            events = events.Where(e => e.Id < id);
        return await events.OrderByDescending(e => e.Id).Take(Math.Clamp(take, 1, 500)).ToListAsync(cancel);
    }

    private static string? Clip(string? text, int length) => text is { } t && t.Length > length ? t[..length] : text;
}
