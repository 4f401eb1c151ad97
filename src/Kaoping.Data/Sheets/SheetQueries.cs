using Kaoping.Data.Entities;
using Microsoft.EntityFrameworkCore;

namespace Kaoping.Data.Sheets;

/// <summary>
/// The queries that read a sheet, compiled once per store and without tracking: the sheet with its campaign, target and
/// team in one query, then each of its collections by a simple query on the sheet's id (docs/decisions/0006). A compiled
/// query belongs to one model, hence one instance per store rather than static fields.
/// </summary>
internal sealed class SheetQueries
{
    public sealed record Header(Sheet Sheet, Campaign Campaign, Target Target, Team? Team);

    public readonly Func<KaopingDbContext, int, Task<Header?>> HeaderOf =
        EF.CompileAsyncQuery((KaopingDbContext db, int id) =>
            db.Sheets.AsNoTracking().Where(s => s.Id == id).Select(s => new Header(s, s.Campaign!, s.Target!, s.Team)).FirstOrDefault());

    public readonly Func<KaopingDbContext, int, IAsyncEnumerable<SheetFinding>> Findings =
        EF.CompileAsyncQuery((KaopingDbContext db, int id) => db.SheetFindings.AsNoTracking().Where(f => f.SheetId == id));

    public readonly Func<KaopingDbContext, int, IAsyncEnumerable<SheetRemark>> Remarks =
        EF.CompileAsyncQuery((KaopingDbContext db, int id) => db.SheetRemarks.AsNoTracking().Where(r => r.SheetId == id));

    public readonly Func<KaopingDbContext, int, IAsyncEnumerable<SheetEvidence>> Evidence =
        EF.CompileAsyncQuery((KaopingDbContext db, int id) => db.SheetEvidence.AsNoTracking().Where(e => e.SheetId == id));

    public readonly Func<KaopingDbContext, int, IAsyncEnumerable<SheetAppeal>> Appeals =
        EF.CompileAsyncQuery((KaopingDbContext db, int id) => db.SheetAppeals.AsNoTracking().Where(a => a.SheetId == id));

    public readonly Func<KaopingDbContext, int, IAsyncEnumerable<SheetTransition>> Transitions =
        EF.CompileAsyncQuery((KaopingDbContext db, int id) => db.SheetTransitions.AsNoTracking().Where(t => t.SheetId == id));

    public readonly Func<KaopingDbContext, int, IAsyncEnumerable<SheetNotApplicable>> NotApplicable =
        EF.CompileAsyncQuery((KaopingDbContext db, int id) => db.SheetNotApplicable.AsNoTracking().Where(n => n.SheetId == id));

    public static async Task<List<T>> ListAsync<T>(IAsyncEnumerable<T> rows, CancellationToken cancel)
    {
        var list = new List<T>();
        await foreach (var row in rows.WithCancellation(cancel))
            list.Add(row);
        return list;
    }
}
