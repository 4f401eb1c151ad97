using Kaoping.Text;

namespace Kaoping.Campaigns;

/// <summary>Where an appeal (申诉) stands.</summary>
public enum AppealStatus
{
    /// <summary>待处理: filed, waiting for the office.</summary>
    Pending,

    /// <summary>维持: the office keeps the deduction.</summary>
    Upheld,

    /// <summary>改正: the office changed the item's findings; the sheet was re-scored.</summary>
    Amended,
}

/// <summary>
/// Who may appeal what and when: the target's reporter, on an item the team deducted, while the appeal window is open,
/// one open appeal per item. Only the office decides, and always says why.
/// </summary>
public static class Appeals
{
    public static LocalizedText? RefuseFiling(Caller caller, SheetFacts sheet, CampaignDeadlines deadlines,
        DateOnly today, decimal itemDeduction, bool itemHasPendingAppeal)
    {
        if (!SheetAccess.IsReporterOf(caller, sheet))
            return new("只有被考评单位的填报员可以提出申诉。", "Only the target's reporter may appeal.");
        if (sheet.State != SheetState.Published)
            return LocalizedText.Format("考评结果公示后才能申诉，考评表当前状态为“{0}”。", "Appeals open once the results are published; the sheet is “{0}”.",
                new LocalizedText(sheet.State.Chinese(), sheet.State.English()));
        if (!deadlines.AppealOpen(sheet.State, today))
            return deadlines.Appeal is { } due
                ? LocalizedText.Format("申诉期已于{0}截止。", "The appeal window closed on {0}.",
                    due.ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture))
                : new("本次考评不受理申诉。", "This campaign takes no appeals.");
        if (itemDeduction <= 0)
            return new("这个项目没有扣分，无需申诉。", "Nothing was deducted on this item; there is nothing to appeal.");
        if (itemHasPendingAppeal)
            return new("这个项目已有待处理的申诉。", "This item already has an appeal waiting for a decision.");
        return null;
    }

    public static LocalizedText? RefuseDecision(Caller caller, AppealStatus current, string? comment)
    {
        if (caller.Role != Role.Admin)
            return new("只有管理员（安委办）可以处理申诉。", "Only the office may decide appeals.");
        if (current != AppealStatus.Pending)
            return LocalizedText.Format("这项申诉已处理（{0}）。", "This appeal was decided already ({0}).", new LocalizedText(Chinese(current), English(current)));
        if (string.IsNullOrWhiteSpace(comment))
            return new("处理申诉必须写明理由。", "A decision needs its reasons.");
        return null;
    }

    public static string Chinese(AppealStatus status) => status switch
    {
        AppealStatus.Pending => "待处理",
        AppealStatus.Upheld => "维持原扣分",
        AppealStatus.Amended => "已改正",
    };

    public static string English(AppealStatus status) => status switch
    {
        AppealStatus.Pending => "pending",
        AppealStatus.Upheld => "upheld",
        AppealStatus.Amended => "amended",
    };
}
