using Kaoping.Campaigns;
using Kaoping.Data;
using Kaoping.Text;
using Microsoft.EntityFrameworkCore;

namespace Kaoping.Web.Services;

/// <summary>What became of one sheet of a bulk action: done, or refused with the reason.</summary>
public sealed record BulkOutcome(int SheetId, bool Done, LocalizedText? Error);

/// <summary>A bulk action: refused as a whole (nothing done), or the outcome of each sheet.</summary>
public abstract record BulkResult
{
    public sealed record Refused(IReadOnlyDictionary<string, LocalizedText> Problems) : BulkResult;

    public sealed record NotFound : BulkResult;

    public sealed record Ran(IReadOnlyList<BulkOutcome> Outcomes) : BulkResult;
}

/// <summary>
/// One workflow action on many sheets of a campaign: each sheet is moved by <see cref="SheetService"/> exactly as one
/// sheet's action would be (the same rules, audit and versions), and a sheet refused does not stop the others. The
/// people concerned are told once, at the end.
/// </summary>
public sealed class BulkTransitions(IDbContextFactory<KaopingDbContext> contexts, SheetService sheets, Notifier notifier)
{
    public const int MaxSheets = 10_000;

    public async Task<BulkResult> MoveAsync(int campaignId, SheetAction action, string? comment, IReadOnlyList<int>? sheetIds, Caller caller, string userName,
        IProgress<int>? progress = null, CancellationToken cancel = default)
    {
        await using var db = await contexts.CreateDbContextAsync(cancel);
        var facts = await db.Sheets.AsNoTracking().Where(s => s.CampaignId == campaignId)
            .Select(s => new { s.Id, Facts = new SheetFacts(s.TargetId, s.TeamId, s.State) }).ToDictionaryAsync(s => s.Id, s => s.Facts, cancel);
        if (facts.Count == 0 || (caller.Role is Role.Assessor or Role.Reporter && !facts.Values.Any(f => SheetAccess.CanView(caller, f))))
            return new BulkResult.NotFound();
        var ids = (sheetIds ?? []).Distinct().ToList();
        if (ids.Count == 0)
            return Refused(new("请至少选择一张考评表。", "choose at least one sheet."));
        if (ids.Count > MaxSheets)
            return Refused(LocalizedText.Format("一次最多处理{0}张考评表。", "at most {0} sheets at a time.", MaxSheets));
        var unknown = ids.Where(i => !facts.TryGetValue(i, out var f) || !SheetAccess.CanView(caller, f)).ToList();
        if (unknown.Count > 0)
        {
            return Refused(LocalizedText.Format("考评表{0}不在本次考评中（或您无权查看）。", "sheet(s) {0} are not in this campaign (or not yours to see).",
                string.Join(", ", unknown.Take(20)) + (unknown.Count > 20 ? " …" : "")));
        }
        var outcomes = new BulkOutcome[ids.Count];
        var moved = new SheetMoved?[ids.Count];
        var done = 0;
        // Reads overlap; on SQLite the writes queue in its write gate, on PostgreSQL they run side by side.
        await Parallel.ForEachAsync(Enumerable.Range(0, ids.Count), new ParallelOptions { MaxDegreeOfParallelism = 4, CancellationToken = cancel },
            async (i, token) =>
            {
                var result = await sheets.MoveUntoldAsync(ids[i], action, comment, caller, userName, token);
                outcomes[i] = new BulkOutcome(ids[i], result is SheetUpdate.Saved, Reason(result));
                if (result is SheetUpdate.Saved saved)
                    moved[i] = SheetMoved.Of(saved.View.Sheet, action, comment);
                progress?.Report(Interlocked.Increment(ref done));
            });
        await notifier.SheetsMovedAsync([.. moved.OfType<SheetMoved>()], cancel);
        return new BulkResult.Ran(outcomes);
    }

    private static BulkResult.Refused Refused(LocalizedText problem) => new(new Dictionary<string, LocalizedText> { ["sheetIds"] = problem });

    private static LocalizedText? Reason(SheetUpdate result) => result switch
    {
        SheetUpdate.Saved => null,
        SheetUpdate.Forbidden f => f.Reason,
        SheetUpdate.Conflict c => c.Reason,
        SheetUpdate.Invalid i => i.Problems.Values.First(),
        SheetUpdate.TooLarge t => t.Reason,
        SheetUpdate.Stale => new("考评表已被他人修改，请重试。", "the sheet was changed by someone else; try again."),
        SheetUpdate.NotFound or _ => new("没有这张考评表。", "there is no such sheet."),
    };
}
