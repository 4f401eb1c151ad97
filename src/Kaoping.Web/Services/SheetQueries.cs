using Kaoping.Data;
using Kaoping.Data.Entities;
using Microsoft.EntityFrameworkCore;

namespace Kaoping.Web.Services;

/// <summary>
/// The queries that load a sheet, compiled once per application and without tracking: the sheet with its campaign,
/// target and team in one query, then each of its collections by a simple query on the sheet's id. Under load these
/// cost a fraction of the same loading by Include (split or not), which builds new delegates on every run — JIT work,
/// finalizers and garbage on the hottest path — and of tracked loading, whose identity map and fix-up a read does not
/// need. A compiled query belongs to one model, hence one instance per application rather than static fields (the
/// tests run SQLite and PostgreSQL side by side).
/// </summary>
public sealed class SheetQueries
{
    private sealed record Header(Sheet Sheet, Campaign Campaign, Target Target, Team? Team);

    private readonly Func<KaopingDbContext, int, Task<Header?>> _header =
        EF.CompileAsyncQuery((KaopingDbContext db, int id) =>
            db.Sheets.AsNoTracking().Where(s => s.Id == id).Select(s => new Header(s, s.Campaign!, s.Target!, s.Team)).FirstOrDefault());

    private readonly Func<KaopingDbContext, int, IAsyncEnumerable<SheetFinding>> _findings =
        EF.CompileAsyncQuery((KaopingDbContext db, int id) => db.SheetFindings.AsNoTracking().Where(f => f.SheetId == id));

    private readonly Func<KaopingDbContext, int, IAsyncEnumerable<SheetRemark>> _remarks =
        EF.CompileAsyncQuery((KaopingDbContext db, int id) => db.SheetRemarks.AsNoTracking().Where(r => r.SheetId == id));

    private readonly Func<KaopingDbContext, int, IAsyncEnumerable<SheetEvidence>> _evidence =
        EF.CompileAsyncQuery((KaopingDbContext db, int id) => db.SheetEvidence.AsNoTracking().Where(e => e.SheetId == id));

    private readonly Func<KaopingDbContext, int, IAsyncEnumerable<SheetAppeal>> _appeals =
        EF.CompileAsyncQuery((KaopingDbContext db, int id) => db.SheetAppeals.AsNoTracking().Where(a => a.SheetId == id));

    private readonly Func<KaopingDbContext, int, IAsyncEnumerable<SheetTransition>> _transitions =
        EF.CompileAsyncQuery((KaopingDbContext db, int id) => db.SheetTransitions.AsNoTracking().Where(t => t.SheetId == id));

    /// <summary>The sheet with its campaign, target, team and all its collections (not its audit trail), not tracked; null when there is none.</summary>
    public async Task<Sheet?> LoadAsync(KaopingDbContext db, int id, CancellationToken cancel)
    {
        await using var snapshot = await db.Database.SnapshotAsync(cancel);
        if (await _header(db, id) is not { } header)
            return null;
        var sheet = header.Sheet;
        sheet.Campaign = header.Campaign;
        sheet.Target = header.Target;
        sheet.Team = header.Team;
        sheet.Findings = await ListAsync(_findings(db, id), cancel);
        sheet.Remarks = await ListAsync(_remarks(db, id), cancel);
        sheet.Evidence = await ListAsync(_evidence(db, id), cancel);
        sheet.Appeals = await ListAsync(_appeals(db, id), cancel);
        sheet.Transitions = await ListAsync(_transitions(db, id), cancel);
        return sheet;
    }

    private static async Task<List<T>> ListAsync<T>(IAsyncEnumerable<T> rows, CancellationToken cancel)
    {
        var list = new List<T>();
        await foreach (var row in rows.WithCancellation(cancel))
            list.Add(row);
        return list;
    }
}
