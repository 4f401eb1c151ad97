using Kaoping.Campaigns;
using Kaoping.Data.Entities;
using Kaoping.Rubrics;
using Kaoping.Scoring;
using Kaoping.Text;

namespace Kaoping.Web.Services;

/// <summary>
/// 申诉: after publication, within the appeal window, the target contests an item's deductions — or one of them; the
/// office upholds them or amends the item's findings, which re-scores the published sheet. Both are in the audit trail.
/// </summary>
public sealed class AppealService(SheetService sheets, Notifier notifier, Telemetry.KaopingMetrics metrics)
{
    public async Task<(SheetUpdate Result, SheetAppeal? Filed)> FileAsync(int id, ItemKey key, long? findingId, string? reason, Caller caller, string userName,
        CancellationToken cancel = default)
    {
        SheetAppeal? filed = null;
        var result = await sheets.ChangeAsync(id, caller, key, 1, async sheet =>
        {
            var rubric = await sheets.RubricOfAsync(sheet, cancel);
            if (rubric.Find(key) is null)
                return SheetUpdate.Invalid.Of("item", LocalizedText.Format("没有考评项目“{0}”。", "there is no item “{0}”.", key));
            var item = Scorer.ScoreItem(rubric, key, sheet.ToFindings());
            var pending = sheet.Appeals.Any(a => a.ItemKey == key && a.Status == AppealStatus.Pending);
            if (Appeals.RefuseFiling(caller, sheet.Facts, sheet.DeadlinesIn(sheet.Campaign!), sheets.Today, item.Deduction, pending) is { } refused)
                return SheetAccess.IsReporterOf(caller, sheet.Facts) ? new SheetUpdate.Conflict(refused) : new SheetUpdate.Forbidden(refused);
            if (findingId is { } deduction && !sheet.DeductionsOf(FindingSide.Team, key).Any(f => f.Id == deduction))
            {
                return SheetUpdate.Invalid.Of("finding", LocalizedText.Format("项目{0}没有编号为{1}的扣分。", "item {0} has no deduction {1}.",
                    key, deduction));
            }
            if (string.IsNullOrWhiteSpace(reason))
                return SheetUpdate.Invalid.Of("reason", new("请写明申诉理由。", "An appeal needs its reasons."));
            if (reason.Length > 2000)
                return SheetUpdate.Invalid.Of("reason", new("申诉理由不能超过2000字。", "the reasons cannot be longer than 2000 characters."));
            filed = new SheetAppeal
            {
                ItemKey = key, FindingId = findingId, Reason = reason.Trim(), FiledBy = userName, FiledAt = sheets.Now,
                Status = AppealStatus.Pending, ScoreBefore = item.Score,
            };
            sheet.Appeals.Add(filed);
            sheet.Record(AuditKind.AppealFiled, key, SheetItems.Describe(rubric, sheet, FindingSide.Team, key), null, filed.Reason, userName, sheets.Now,
                findingId);
            sheet.Stamp(userName, sheets.Now);
            return null;
        }, cancel);
        if (result is SheetUpdate.Saved saved)
        {
            metrics.AppealFiled();
            await notifier.AppealAsync(SheetMoved.Of(saved.View.Sheet, SheetAction.Publish, null), decided: false, null, cancel);
        }
        return (result, result is SheetUpdate.Saved ? filed : null);
    }

    /// <summary>The office's decision: uphold (findings null) or amend the item's findings; either way with its reasons.</summary>
    public async Task<SheetUpdate> DecideAsync(int id, long appealId, IReadOnlyList<Finding>? amendedFindings, string? remark, string? comment,
        Caller caller, string userName, CancellationToken cancel = default)
    {
        var result = await DecideUntoldAsync(id, appealId, amendedFindings, remark, comment, caller, userName, cancel);
        if (result is SheetUpdate.Saved saved && saved.View.Sheet.Appeals.FirstOrDefault(a => a.Id == appealId) is { } appeal)
        {
            metrics.AppealDecided(appeal.Status);
            await notifier.AppealAsync(SheetMoved.Of(saved.View.Sheet, SheetAction.Publish, null), decided: true,
                Appeals.Chinese(appeal.Status) + "：" + appeal.Decision, cancel);
        }
        return result;
    }

    private Task<SheetUpdate> DecideUntoldAsync(int id, long appealId, IReadOnlyList<Finding>? amendedFindings, string? remark, string? comment,
        Caller caller, string userName, CancellationToken cancel) =>
        sheets.ChangeAsync(id, caller, null, 1, async sheet =>
        {
            if (sheet.Appeals.FirstOrDefault(a => a.Id == appealId) is not { } appeal)
                return new SheetUpdate.NotFound();
            if (Appeals.RefuseDecision(caller, appeal.Status, comment) is { } refused)
            {
                return caller.Role != Role.Admin ? new SheetUpdate.Forbidden(refused)
                    : appeal.Status != AppealStatus.Pending ? new SheetUpdate.Conflict(refused)
                    : SheetUpdate.Invalid.Of("comment", refused);
            }
            if (comment!.Length > 2000)
                return SheetUpdate.Invalid.Of("comment", new("理由不能超过2000字。", "the reasons cannot be longer than 2000 characters."));
            var rubric = await sheets.RubricOfAsync(sheet, cancel);
            var key = appeal.ItemKey;
            if (amendedFindings is not null && SheetService.Check(rubric, key, amendedFindings, remark) is { } invalid)
                return invalid;
            appeal.Status = amendedFindings is null ? AppealStatus.Upheld : AppealStatus.Amended;
            appeal.Decision = comment.Trim();
            appeal.DecidedBy = userName;
            appeal.DecidedAt = sheets.Now;
            SheetItems.Change(rubric, sheet, FindingSide.Team, key, amendedFindings, remark ?? sheet.RemarkOf(FindingSide.Team, key),
                AuditKind.AppealDecided, Appeals.Chinese(appeal.Status) + "：" + appeal.Decision, userName, sheets.Now);
            appeal.ScoreAfter = Scorer.ScoreItem(rubric, key, sheet.ToFindings()).Score;
            sheet.Stamp(userName, sheets.Now);
            return null;
        }, cancel);

    /// <summary>The item an appeal is about, to read an amendment's findings against; null when there is no such appeal.</summary>
    public async Task<ItemKey?> ItemOfAsync(int id, long appealId, Caller caller, CancellationToken cancel = default) =>
        (await sheets.GetAsync(id, caller, cancel))?.Sheet.Appeals.FirstOrDefault(a => a.Id == appealId)?.ItemKey;
}
