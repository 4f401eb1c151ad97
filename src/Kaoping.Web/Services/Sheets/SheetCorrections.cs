using System.Globalization;
using Kaoping.Campaigns;
using Kaoping.Text;

namespace Kaoping.Web.Services;

/// <summary>
/// The office's corrections of one sheet: more time for the stage it waits in (or for its appeals once published), with
/// the reason, in its audit trail. Moving an overdue self-assessment on is the workflow's 跳过自评 (<see cref="SheetService.MoveAsync"/>).
/// </summary>
public sealed class SheetCorrections(SheetService sheets, Notifier notifier)
{
    public async Task<SheetUpdate> ExtendAsync(int id, DateOnly until, string? reason, Caller caller, string userName, CancellationToken cancel = default)
    {
        var result = await sheets.ChangeAsync(id, caller, null, 1, sheet => Task.FromResult(Extend(sheet, until, reason, caller, userName)), cancel);
        if (result is SheetUpdate.Saved saved)
            await notifier.DeadlineExtendedAsync(SheetMoved.Of(saved.View.Sheet, SheetAction.StartAssessment, reason), until, cancel);
        return result;
    }

    private SheetUpdate? Extend(Data.Entities.Sheet sheet, DateOnly until, string? reason, Caller caller, string userName)
    {
        if (caller.Role != Role.Admin)
            return new SheetUpdate.Forbidden(new("只有安委办可以延期。", "Only the office may extend a deadline."));
        if (string.IsNullOrWhiteSpace(reason))
            return SheetUpdate.Invalid.Of("reason", new("请写明延期理由。", "An extension needs its reason."));
        if (reason.Length > 2000)
            return SheetUpdate.Invalid.Of("reason", new("理由不能超过2000字。", "the reason cannot be longer than 2000 characters."));
        if (sheet.State == SheetState.Approved)
        {
            return new SheetUpdate.Conflict(new("考评表已审定，待公示，没有可延期的截止日期。",
                "The sheet is approved and waits to be published: it has no deadline to extend."));
        }
        var current = sheet.DeadlinesIn(sheet.Campaign!).ExtensibleDue(sheet.State);
        if (until < sheets.Today)
            return SheetUpdate.Invalid.Of("until", LocalizedText.Format("延期后的截止日期（{0}）不能早于今天。", "the new deadline ({0}) cannot be before today.", Day(until)));
        if (current is { } due && until <= due)
        {
            return SheetUpdate.Invalid.Of("until", LocalizedText.Format("延期后的截止日期应晚于现在的截止日期（{0}）。",
                "the new deadline must be later than the present one ({0}).", Day(due)));
        }
        sheet.Extend(current, until, reason, userName, sheets.Now);
        return null;
    }

    private static string Day(DateOnly day) => day.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);
}
