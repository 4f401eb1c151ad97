using Kaoping.Data;
using Kaoping.Data.Entities;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Caching.Memory;

namespace Kaoping.Web.Services;

/// <summary>
/// The queries that load a sheet, compiled once per application and without tracking: the sheet with its campaign,
/// target and team in one query, then each of its collections by a simple query on the sheet's id. On SQLite each runs
/// on a statement its connection keeps prepared (<see cref="PreparedQueries"/>). Under load these
/// cost a fraction of the same loading by Include (split or not), which builds new delegates on every run — JIT work,
/// finalizers and garbage on the hottest path — and of tracked loading, whose identity map and fix-up a read does not
/// need. A compiled query belongs to one model, hence one instance per application rather than static fields (the
/// tests run SQLite and PostgreSQL side by side).
/// <para>
/// A sheet's collections are kept a while after they were read or saved, with the sheet's version. Every change to
/// them goes through the sheet and raises its version in the same transaction (<see cref="Sheet.Touch"/>), so what
/// was kept for a version is what the database holds at that version, whichever process wrote it. A load reads the
/// header (whose campaign, target and team change without the sheet's version) and takes the collections kept for
/// its version: one query instead of six for every findings PUT and every input on the scoring sheet.
/// </para>
/// </summary>
public sealed class SheetQueries(IMemoryCache cache)
{
    private static readonly MemoryCacheEntryOptions s_keep = new() { SlidingExpiration = TimeSpan.FromMinutes(10) };

    private sealed record Header(Sheet Sheet, Campaign Campaign, Target Target, Team? Team);

    /// <summary>A sheet's collections at one version. Never handed out: a load gets copies, which it may change.</summary>
    private sealed record Collections(
        int Version, SheetFinding[] Findings, SheetRemark[] Remarks, SheetEvidence[] Evidence, SheetAppeal[] Appeals, SheetTransition[] Transitions)
    {
        public static Collections Of(Sheet sheet) => new(sheet.Version, [.. sheet.Findings.Select(f => f.Copy())], [.. sheet.Remarks.Select(r => r.Copy())],
            [.. sheet.Evidence.Select(e => e.Copy())], [.. sheet.Appeals.Select(a => a.Copy())], [.. sheet.Transitions.Select(t => t.Copy())]);

        public void CopyTo(Sheet sheet)
        {
            sheet.Findings = [.. Findings.Select(f => f.Copy())];
            sheet.Remarks = [.. Remarks.Select(r => r.Copy())];
            sheet.Evidence = [.. Evidence.Select(e => e.Copy())];
            sheet.Appeals = [.. Appeals.Select(a => a.Copy())];
            sheet.Transitions = [.. Transitions.Select(t => t.Copy())];
        }
    }

    private readonly Func<KaopingDbContext, int, Task<Header?>> _header =
        EF.CompileAsyncQuery((KaopingDbContext db, int id) =>
            db.Sheets.AsNoTracking().TagWith(PreparedQueries.Tag).Where(s => s.Id == id).Select(s => new Header(s, s.Campaign!, s.Target!, s.Team)).FirstOrDefault());

    private readonly Func<KaopingDbContext, int, IAsyncEnumerable<SheetFinding>> _findings =
        EF.CompileAsyncQuery((KaopingDbContext db, int id) => db.SheetFindings.AsNoTracking().TagWith(PreparedQueries.Tag).Where(f => f.SheetId == id));

    private readonly Func<KaopingDbContext, int, IAsyncEnumerable<SheetRemark>> _remarks =
        EF.CompileAsyncQuery((KaopingDbContext db, int id) => db.SheetRemarks.AsNoTracking().TagWith(PreparedQueries.Tag).Where(r => r.SheetId == id));

    private readonly Func<KaopingDbContext, int, IAsyncEnumerable<SheetEvidence>> _evidence =
        EF.CompileAsyncQuery((KaopingDbContext db, int id) => db.SheetEvidence.AsNoTracking().TagWith(PreparedQueries.Tag).Where(e => e.SheetId == id));

    private readonly Func<KaopingDbContext, int, IAsyncEnumerable<SheetAppeal>> _appeals =
        EF.CompileAsyncQuery((KaopingDbContext db, int id) => db.SheetAppeals.AsNoTracking().TagWith(PreparedQueries.Tag).Where(a => a.SheetId == id));

    private readonly Func<KaopingDbContext, int, IAsyncEnumerable<SheetTransition>> _transitions =
        EF.CompileAsyncQuery((KaopingDbContext db, int id) => db.SheetTransitions.AsNoTracking().TagWith(PreparedQueries.Tag).Where(t => t.SheetId == id));

    /// <summary>
    /// The sheet with its campaign, target, team and all its collections (not its audit trail), not tracked; null when
    /// there is none. <paramref name="fresh"/>: every collection read from the database, for a sheet that will be
    /// attached to the context and saved by it — rows kept after a write of <see cref="SheetItemWrites"/> do not carry
    /// the ids the database gave them.
    /// </summary>
    public async Task<Sheet?> LoadAsync(KaopingDbContext db, int id, CancellationToken cancel, bool fresh = false)
    {
        if (!fresh)
        {
            // The header alone is one statement, hence of one moment: no snapshot needed when the rest was kept.
            if (await HeaderAsync(db, id) is not { } sheet)
                return null;
            if (cache.TryGetValue(Key(id), out Collections? kept) && kept!.Version == sheet.Version)
            {
                kept.CopyTo(sheet);
                return sheet;
            }
        }
        await using var snapshot = await db.Database.SnapshotAsync(cancel);
        if (await HeaderAsync(db, id) is not { } loaded)
            return null;
        loaded.Findings = await ListAsync(_findings(db, id), cancel);
        loaded.Remarks = await ListAsync(_remarks(db, id), cancel);
        loaded.Evidence = await ListAsync(_evidence(db, id), cancel);
        loaded.Appeals = await ListAsync(_appeals(db, id), cancel);
        loaded.Transitions = await ListAsync(_transitions(db, id), cancel);
        Keep(loaded);
        return loaded;
    }

    private async Task<Sheet?> HeaderAsync(KaopingDbContext db, int id)
    {
        if (await _header(db, id) is not { } header)
            return null;
        var sheet = header.Sheet;
        sheet.Campaign = header.Campaign;
        sheet.Target = header.Target;
        sheet.Team = header.Team;
        return sheet;
    }

    /// <summary>Keeps the collections of a sheet as they were read, or as they were just saved at its version.</summary>
    public void Keep(Sheet sheet) => cache.Set(Key(sheet.Id), Collections.Of(sheet), s_keep);

    private static string Key(int id) => "sheet-collections:" + id.ToString(System.Globalization.CultureInfo.InvariantCulture);

    private static async Task<List<T>> ListAsync<T>(IAsyncEnumerable<T> rows, CancellationToken cancel)
    {
        var list = new List<T>();
        await foreach (var row in rows.WithCancellation(cancel))
            list.Add(row);
        return list;
    }
}
