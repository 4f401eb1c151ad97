using Kaoping.Campaigns;
using Kaoping.Data.Entities;
using Kaoping.Rubrics;
using Kaoping.Text;

namespace Kaoping.Web.Services;

/// <summary>
/// 不涉及: the team assessing a sheet marks an item not applicable to the target, with the reason, or takes the mark back.
/// An item with the team's deductions is not marked (they are removed first); a marked item takes no deductions
/// (<see cref="SheetService.UpdateItemAsync"/>). Each change is in the sheet's audit trail.
/// </summary>
public sealed class NotApplicableMarks(SheetService sheets)
{
    public const int MaxReason = 1000;

    /// <summary>Marks (or re-words) the mark; <paramref name="version"/> the sheet's version the caller saw, or null to take the current one.</summary>
    public Task<SheetUpdate> MarkAsync(int id, ItemKey key, string? reason, int? version, Caller caller, string userName,
        CancellationToken cancel = default) =>
        sheets.ChangeAsync(id, caller, key, version is null ? 3 : 1, async sheet =>
        {
            if (await RefusedAsync(sheet, key, version, caller, cancel) is { } refused)
                return refused;
            if (string.IsNullOrWhiteSpace(reason))
                return SheetUpdate.Invalid.Of("reason", LocalizedText.Format("请写明考评项目{0}不涉及的理由。", "say why item {0} does not apply.", key));
            if (reason.Trim().Length > MaxReason)
                return SheetUpdate.Invalid.Of("reason", LocalizedText.Format("不涉及的理由不能超过{0}字。", "the reason cannot be longer than {0} characters.", MaxReason));
            if (sheet.DeductionsOf(FindingSide.Team, key).Any())
            {
                return new SheetUpdate.Conflict(LocalizedText.Format("考评项目{0}已有扣分，请先删除扣分，再标为不涉及。",
                    "item {0} has deductions: remove them before marking it not applicable.", key));
            }
            var before = SheetItems.Describe(await sheets.RubricOfAsync(sheet, cancel), sheet, FindingSide.Team, key);
            sheet.MarkNotApplicable(key, reason, userName, sheets.Now);
            sheet.Record(AuditKind.NotApplicable, key, before, "不涉及：" + reason.Trim(), reason.Trim(), userName, sheets.Now);
            return null;
        }, cancel);

    /// <summary>Takes the mark back: the item is scored again (with no deductions, until the team enters them).</summary>
    public Task<SheetUpdate> ClearAsync(int id, ItemKey key, int? version, Caller caller, string userName, CancellationToken cancel = default) =>
        sheets.ChangeAsync(id, caller, key, version is null ? 3 : 1, async sheet =>
        {
            if (await RefusedAsync(sheet, key, version, caller, cancel) is { } refused)
                return refused;
            if (sheet.NotApplicableReason(key) is not { } reason)
                return new SheetUpdate.Conflict(LocalizedText.Format("考评项目{0}没有标为不涉及。", "item {0} is not marked not applicable.", key));
            sheet.ClearNotApplicable(key, userName, sheets.Now);
            var after = SheetItems.Describe(await sheets.RubricOfAsync(sheet, cancel), sheet, FindingSide.Team, key);
            sheet.Record(AuditKind.NotApplicable, key, "不涉及：" + reason, after, "取消不涉及", userName, sheets.Now);
            return null;
        }, cancel);

    private async Task<SheetUpdate?> RefusedAsync(Sheet sheet, ItemKey key, int? version, Caller caller, CancellationToken cancel)
    {
        if (SheetAccess.EditableSide(caller, sheet.Facts) != FindingSide.Team)
        {
            return SheetService.Refusal(sheet, caller,
                LocalizedText.Format("考评表当前状态为“{0}”，不能标记不涉及。", "The sheet is “{1}”; items cannot be marked not applicable now.",
                    sheet.State.Chinese(), sheet.State.English()),
                new("只有负责这个被考评单位的考评组成员在考评中可以标记不涉及。", "Only the team assessing this target may mark an item not applicable."));
        }
        if ((await sheets.RubricOfAsync(sheet, cancel)).Find(key) is null)
            return SheetUpdate.Invalid.Of("item", LocalizedText.Format("没有考评项目“{0}”。", "there is no item “{0}”.", key));
        if (version is { } v && sheet.Version != v)
            return new SheetUpdate.Stale(await sheets.ViewAsync(sheet, caller, cancel));
        return null;
    }
}
