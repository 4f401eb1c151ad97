using Kaoping.Data;
using Kaoping.Data.Entities;
using Microsoft.EntityFrameworkCore;

namespace Kaoping.Web.Services;

/// <summary>
/// The queries that load a sheet, compiled once per application: a sheet, what it refers to and each of its
/// collections, every one by a simple query on an id. Under load these cost about a third of the same loading by
/// Include (split or not), which builds new delegates on every run — JIT work, finalizers and garbage on the hottest
/// path. A compiled query belongs to one model, hence one instance per application rather than static fields
/// (the tests run SQLite and PostgreSQL side by side).
/// </summary>
public sealed class SheetQueries
{
    private readonly Func<KaopingDbContext, int, Task<Sheet?>> _sheet =
        EF.CompileAsyncQuery((KaopingDbContext db, int id) => db.Sheets.AsTracking().FirstOrDefault(s => s.Id == id));

    private readonly Func<KaopingDbContext, int, Task<Campaign?>> _campaign =
        EF.CompileAsyncQuery((KaopingDbContext db, int id) => db.Campaigns.AsTracking().FirstOrDefault(c => c.Id == id));

    private readonly Func<KaopingDbContext, int, Task<Target?>> _target =
        EF.CompileAsyncQuery((KaopingDbContext db, int id) => db.Targets.AsTracking().FirstOrDefault(t => t.Id == id));

    private readonly Func<KaopingDbContext, int, Task<Team?>> _team =
        EF.CompileAsyncQuery((KaopingDbContext db, int id) => db.Teams.AsTracking().FirstOrDefault(t => t.Id == id));

    private readonly Func<KaopingDbContext, int, IAsyncEnumerable<SheetFinding>> _findings =
        EF.CompileAsyncQuery((KaopingDbContext db, int id) => db.SheetFindings.AsTracking().Where(f => f.SheetId == id));

    private readonly Func<KaopingDbContext, int, IAsyncEnumerable<SheetRemark>> _remarks =
        EF.CompileAsyncQuery((KaopingDbContext db, int id) => db.SheetRemarks.AsTracking().Where(r => r.SheetId == id));

    private readonly Func<KaopingDbContext, int, IAsyncEnumerable<SheetEvidence>> _evidence =
        EF.CompileAsyncQuery((KaopingDbContext db, int id) => db.SheetEvidence.AsTracking().Where(e => e.SheetId == id));

    private readonly Func<KaopingDbContext, int, IAsyncEnumerable<SheetAppeal>> _appeals =
        EF.CompileAsyncQuery((KaopingDbContext db, int id) => db.SheetAppeals.AsTracking().Where(a => a.SheetId == id));

    private readonly Func<KaopingDbContext, int, IAsyncEnumerable<SheetTransition>> _transitions =
        EF.CompileAsyncQuery((KaopingDbContext db, int id) => db.SheetTransitions.AsTracking().Where(t => t.SheetId == id));

    /// <summary>The sheet with its campaign, target, team and all its collections, tracked by <paramref name="db"/>; null when there is none.</summary>
    public async Task<Sheet?> LoadAsync(KaopingDbContext db, int id, CancellationToken cancel)
    {
        if (await _sheet(db, id) is not { } sheet)
            return null;
        // Loading tracked entities fills in the sheet's references and collections (EF's fix-up).
        await _campaign(db, sheet.CampaignId);
        await _target(db, sheet.TargetId);
        if (sheet.TeamId is { } team)
            await _team(db, team);
        await ReadAllAsync(_findings(db, id), cancel);
        await ReadAllAsync(_remarks(db, id), cancel);
        await ReadAllAsync(_evidence(db, id), cancel);
        await ReadAllAsync(_appeals(db, id), cancel);
        await ReadAllAsync(_transitions(db, id), cancel);
        return sheet;
    }

    private static async Task ReadAllAsync<T>(IAsyncEnumerable<T> rows, CancellationToken cancel)
    {
        await foreach (var _ in rows.WithCancellation(cancel))
        {
        }
    }
}
