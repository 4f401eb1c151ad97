using Kaoping.Campaigns;
using Kaoping.Data.Entities;
using Kaoping.Rubrics;
using Kaoping.Scoring;
using Kaoping.Text;
using Microsoft.EntityFrameworkCore;

namespace Kaoping.Web.Services;

/// <summary>
/// 申诉: after publication, within the appeal window, the target contests an item's deductions; the office upholds them
/// or amends the item's findings, which re-scores the published sheet. Both are in the audit trail.
/// </summary>
public sealed class AppealService(SheetService sheets, Data.KaopingDbContext db)
{
    public async Task<(SheetUpdate Result, SheetAppeal? Filed)> FileAsync(int id, string itemKey, string? reason, Caller caller, string userName, CancellationToken cancel = default)
    {
        var (sheet, refusal) = await sheets.LoadForChangeAsync(id, caller, cancel);
        if (refusal is not null)
            return (refusal, null);
        var rubric = await sheets.RubricOfAsync(sheet!, cancel);
        if (!ItemKey.TryParse(itemKey, out var key) || rubric.Find(key) is null)
            return (Invalid("item", LocalizedText.Format("没有考评项目“{0}”。", "there is no item “{0}”.", itemKey)), null);
        var item = Scorer.ScoreItem(rubric, key, sheet!.ToFindings());
        var pending = sheet.Appeals.Any(a => a.ItemKey == itemKey && a.Status == AppealStatus.Pending);
        if (Appeals.RefuseFiling(caller, sheet.Facts, sheet.Campaign!.Deadlines, sheets.Today, item.Deduction, pending) is { } refused)
            return (SheetAccess.IsReporterOf(caller, sheet.Facts) ? new SheetUpdate.Conflict(refused) : new SheetUpdate.Forbidden(refused), null);
        if (string.IsNullOrWhiteSpace(reason))
            return (Invalid("reason", new("请写明申诉理由。", "An appeal needs its reasons.")), null);
        if (reason.Length > 2000)
            return (Invalid("reason", new("申诉理由不能超过2000字。", "the reasons cannot be longer than 2000 characters.")), null);

        var appeal = new SheetAppeal
        {
            ItemKey = itemKey, Reason = reason.Trim(), FiledBy = userName, FiledAt = sheets.Now, Status = AppealStatus.Pending, ScoreBefore = item.Score,
        };
        sheet.Appeals.Add(appeal);
        sheet.Record(AuditKind.AppealFiled, key, SheetService.Describe(rubric, sheet, FindingSide.Team, key), null, appeal.Reason, userName, sheets.Now);
        sheet.Touch(userName, sheets.Now);
        var result = await sheets.SaveAsync(sheet, caller, key, cancel);
        return (result, result is SheetUpdate.Saved ? appeal : null);
    }

    /// <summary>The office's decision: uphold (findings null) or amend the item's findings; either way with its reasons.</summary>
    public async Task<SheetUpdate> DecideAsync(int id, long appealId, IReadOnlyList<Finding>? amendedFindings, string? remark, string? comment,
        Caller caller, string userName, CancellationToken cancel = default)
    {
        var (sheet, refusal) = await sheets.LoadForChangeAsync(id, caller, cancel);
        if (refusal is not null)
            return refusal;
        var appeal = sheet!.Appeals.FirstOrDefault(a => a.Id == appealId);
        if (appeal is null)
            return new SheetUpdate.NotFound();
        if (Appeals.RefuseDecision(caller, appeal.Status, comment) is { } refused)
        {
            return caller.Role != Role.Admin ? new SheetUpdate.Forbidden(refused)
                : appeal.Status != AppealStatus.Pending ? new SheetUpdate.Conflict(refused)
                : Invalid("comment", refused);
        }
        if (comment!.Length > 2000)
            return Invalid("comment", new("理由不能超过2000字。", "the reasons cannot be longer than 2000 characters."));
        var rubric = await sheets.RubricOfAsync(sheet, cancel);
        ItemKey.TryParse(appeal.ItemKey, out var key);
        if (amendedFindings is not null && await sheets.CheckFindingsAsync(sheet, appeal.ItemKey, amendedFindings, remark, cancel) is { } invalid)
            return invalid;

        appeal.Status = amendedFindings is null ? AppealStatus.Upheld : AppealStatus.Amended;
        appeal.Decision = comment.Trim();
        appeal.DecidedBy = userName;
        appeal.DecidedAt = sheets.Now;
        SheetService.ChangeItem(rubric, sheet, FindingSide.Team, key, amendedFindings, remark ?? sheet.RemarkOf(FindingSide.Team, key),
            AuditKind.AppealDecided, Appeals.Chinese(appeal.Status) + "：" + appeal.Decision, userName, sheets.Now);
        appeal.ScoreAfter = Scorer.ScoreItem(rubric, key, sheet.ToFindings()).Score;
        sheet.Touch(userName, sheets.Now);
        return await sheets.SaveAsync(sheet, caller, key, cancel);
    }

    /// <summary>The item an appeal is about, to read an amendment's findings against; null when there is no such appeal.</summary>
    public async Task<ItemKey?> ItemOfAsync(int id, long appealId, CancellationToken cancel = default)
    {
        var key = await db.SheetAppeals.AsNoTracking().Where(a => a.SheetId == id && a.Id == appealId).Select(a => a.ItemKey).FirstOrDefaultAsync(cancel);
        return key is not null && ItemKey.TryParse(key, out var item) ? item : null;
    }

    private static SheetUpdate.Invalid Invalid(string field, LocalizedText problem) => new(new Dictionary<string, LocalizedText> { [field] = problem });
}
