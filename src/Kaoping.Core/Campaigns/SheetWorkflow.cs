using Kaoping.Text;

namespace Kaoping.Campaigns;

/// <summary>What can be done to a sheet on its way from 未开始 to 已公示.</summary>
public enum SheetAction
{
    /// <summary>开始自评: the office opens the self-assessment.</summary>
    StartSelfAssessment,

    /// <summary>提交自评: the target's reporter hands in the self-assessment.</summary>
    SubmitSelfAssessment,

    /// <summary>退回自评: the team sends the self-assessment back, with a comment.</summary>
    ReturnSelfAssessment,

    /// <summary>开始考评: the team starts scoring (or the office, skipping self-assessment).</summary>
    StartAssessment,

    /// <summary>提交考评: the team hands in its scores.</summary>
    SubmitAssessment,

    /// <summary>复核通过: the office's reviewer has checked the sheet.</summary>
    Review,

    /// <summary>退回修改: the reviewer or approver sends the sheet back to the team, with a comment.</summary>
    ReturnForRevision,

    /// <summary>审定: the office approves the scores.</summary>
    Approve,

    /// <summary>公示: the results are published.</summary>
    Publish,

    /// <summary>跳过自评: the office moves a sheet whose self-assessment is overdue on to the team, with the reason.</summary>
    SkipSelfAssessment,
}

/// <summary>Why an action was refused.</summary>
public enum TransitionRefusal
{
    /// <summary>The caller's role or team may never take this action on this sheet (403).</summary>
    NotYours,

    /// <summary>The action does not apply in the sheet's state (409).</summary>
    WrongState,

    /// <summary>A return needs a comment saying what to change, skipping the self-assessment its reason (400).</summary>
    CommentRequired,
}

public abstract record TransitionResult
{
    public sealed record Done(SheetState From, SheetState To) : TransitionResult;

    public sealed record Refused(TransitionRefusal Reason, LocalizedText Message) : TransitionResult;
}

/// <summary>
/// The workflow of a sheet, enforced on the server: who may take which action in which state. Returns need a comment.
/// 未开始 → 自评中 → 自评已提交 → 考评中 → 考评已提交 → 已复核 → 已审定 → 已公示.
/// </summary>
public static class SheetWorkflow
{
    /// <summary>The actions the caller may take on the sheet now.</summary>
    public static IReadOnlyList<SheetAction> Actions(Caller caller, SheetFacts sheet) =>
        [.. Enum.GetValues<SheetAction>().Where(a => Apply(caller, sheet, a, "—") is TransitionResult.Done)];

    public static TransitionResult Apply(Caller caller, SheetFacts sheet, SheetAction action, string? comment)
    {
        if (!MayTake(caller, sheet, action))
            return new TransitionResult.Refused(TransitionRefusal.NotYours, LocalizedText.Format(
                "您不能对这张考评表执行“{0}”。", "You may not “{1}” this sheet.", Chinese(action), English(action)));
        if (Target(sheet.State, action) is not { } to)
            return new TransitionResult.Refused(TransitionRefusal.WrongState, LocalizedText.Format(
                "考评表当前状态为“{0}”，不能“{1}”。", "The sheet is “{2}”; it cannot “{3}” now.",
                sheet.State.Chinese(), Chinese(action), sheet.State.English(), English(action)));
        if (NeedsComment(action) && string.IsNullOrWhiteSpace(comment))
            return new TransitionResult.Refused(TransitionRefusal.CommentRequired, LocalizedText.Format(
                "“{0}”必须写明意见。", "“{1}” needs a comment.", Chinese(action), English(action)));
        return new TransitionResult.Done(sheet.State, to);
    }

    public static bool NeedsComment(SheetAction action) => action switch
    {
        SheetAction.ReturnSelfAssessment or SheetAction.ReturnForRevision or SheetAction.SkipSelfAssessment => true,
        SheetAction.StartSelfAssessment or SheetAction.SubmitSelfAssessment or SheetAction.StartAssessment
            or SheetAction.SubmitAssessment or SheetAction.Review or SheetAction.Approve or SheetAction.Publish => false,
    };

    private static bool InTeam(Caller caller, SheetFacts sheet) =>
        caller.Role == Role.Assessor && sheet.TeamId is { } team && caller.TeamIds.Contains(team);

    private static bool MayTake(Caller caller, SheetFacts sheet, SheetAction action) => action switch
    {
        SheetAction.StartSelfAssessment or SheetAction.Review or SheetAction.Approve or SheetAction.Publish
            or SheetAction.SkipSelfAssessment => caller.Role == Role.Admin,
        SheetAction.SubmitSelfAssessment => caller.Role == Role.Reporter && caller.TargetId == sheet.TargetId,
        SheetAction.ReturnSelfAssessment or SheetAction.SubmitAssessment => InTeam(caller, sheet),
        SheetAction.StartAssessment => InTeam(caller, sheet) || caller.Role == Role.Admin,
        SheetAction.ReturnForRevision => caller.Role == Role.Admin,
    };

    private static SheetState? Target(SheetState state, SheetAction action) => (state, action) switch
    {
        (SheetState.NotStarted, SheetAction.StartSelfAssessment) => SheetState.SelfAssessing,
        (SheetState.SelfAssessing, SheetAction.SubmitSelfAssessment) => SheetState.SelfAssessed,
        (SheetState.SelfAssessed, SheetAction.ReturnSelfAssessment) => SheetState.SelfAssessing,
        (SheetState.SelfAssessed or SheetState.NotStarted, SheetAction.StartAssessment) => SheetState.Assessing,
        (SheetState.Assessing, SheetAction.SubmitAssessment) => SheetState.Assessed,
        (SheetState.Assessed, SheetAction.Review) => SheetState.Reviewed,
        (SheetState.Assessed or SheetState.Reviewed, SheetAction.ReturnForRevision) => SheetState.Assessing,
        (SheetState.Reviewed, SheetAction.Approve) => SheetState.Approved,
        (SheetState.Approved, SheetAction.Publish) => SheetState.Published,
        (SheetState.SelfAssessing, SheetAction.SkipSelfAssessment) => SheetState.Assessing,
        _ => null,
    };

    public static string Chinese(SheetAction action) => action switch
    {
        SheetAction.StartSelfAssessment => "开始自评",
        SheetAction.SubmitSelfAssessment => "提交自评",
        SheetAction.ReturnSelfAssessment => "退回自评",
        SheetAction.StartAssessment => "开始考评",
        SheetAction.SubmitAssessment => "提交考评",
        SheetAction.Review => "复核通过",
        SheetAction.ReturnForRevision => "退回修改",
        SheetAction.Approve => "审定",
        SheetAction.Publish => "公示",
        SheetAction.SkipSelfAssessment => "跳过自评",
    };

    public static string English(SheetAction action) => action switch
    {
        SheetAction.StartSelfAssessment => "start the self-assessment",
        SheetAction.SubmitSelfAssessment => "submit the self-assessment",
        SheetAction.ReturnSelfAssessment => "return the self-assessment",
        SheetAction.StartAssessment => "start the assessment",
        SheetAction.SubmitAssessment => "submit the assessment",
        SheetAction.Review => "pass the review",
        SheetAction.ReturnForRevision => "return for revision",
        SheetAction.Approve => "approve",
        SheetAction.Publish => "publish",
        SheetAction.SkipSelfAssessment => "skip the self-assessment",
    };
}
