using Kaoping.Campaigns;
using MudBlazor;

namespace Kaoping.Web.Components.Shared;

/// <summary>
/// The confirmation asked before an action that cannot be taken back by the one who takes it — 提交自评, 提交考评, 公示,
/// 跳过自评 — and before any bulk action: on the sheet page and on the board alike.
/// </summary>
public static class ActionConfirm
{
    public static bool IsIrreversible(SheetAction action) => action switch
    {
        SheetAction.SubmitSelfAssessment or SheetAction.SubmitAssessment or SheetAction.Publish or SheetAction.SkipSelfAssessment => true,
        SheetAction.StartSelfAssessment or SheetAction.ReturnSelfAssessment or SheetAction.StartAssessment or SheetAction.Review
            or SheetAction.ReturnForRevision or SheetAction.Approve => false,
    };

    /// <summary>
    /// True when the action may go ahead: confirmed, or one that needs no confirmation (reversible, on one sheet's page).
    /// <paramref name="bulk"/> is the number of sheets of a bulk action, null on a sheet's page.
    /// </summary>
    public static async Task<bool> AskAsync(IDialogService dialogs, Ui l, SheetAction action, int? bulk = null)
    {
        if (bulk is null && !IsIrreversible(action))
            return true;
        var name = l.En ? SheetWorkflow.English(action) : SheetWorkflow.Chinese(action);
        var what = bulk is { } n ? l.T($"所选的 {n} 张考评表", $"the {n} sheets chosen") : l.T("这张考评表", "this sheet");
        var after = IsIrreversible(action) ? l.T("此操作执行后不能撤回。", "This cannot be undone.") : "";
        var answer = await dialogs.ShowMessageBoxAsync(l.T($"确认{name}", $"Confirm: {name}"), l.T($"确定对{what}执行“{name}”吗？{after}",
            $"{name} for {what}? {after}"), yesText: l.T("确定", "Confirm"), cancelText: l.T("取消", "Cancel"));
        return answer == true;
    }
}
