using Kaoping.Campaigns;

namespace Kaoping.Core.Tests.Campaigns;

public class SheetWorkflowTests
{
    private static readonly Caller s_admin = new("a", Role.Admin, null, new HashSet<int>());
    private static readonly Caller s_assessor = new("b", Role.Assessor, null, new HashSet<int> { 7 });
    private static readonly Caller s_otherAssessor = new("c", Role.Assessor, null, new HashSet<int> { 8 });
    private static readonly Caller s_reporter = new("d", Role.Reporter, 1, new HashSet<int>());
    private static readonly Caller s_otherReporter = new("e", Role.Reporter, 2, new HashSet<int>());
    private static readonly Caller s_leader = new("f", Role.Leader, null, new HashSet<int>());

    private static SheetFacts Sheet(SheetState state) => new(1, 7, state);

    [Fact]
    public void TheWholeWay_FromNotStartedToPublished_WithAReturnOnTheWay()
    {
        var state = SheetState.NotStarted;
        void Step(Caller who, SheetAction action, SheetState expected, string? comment = null)
        {
            var result = Assert.IsType<TransitionResult.Done>(SheetWorkflow.Apply(who, Sheet(state), action, comment));
            Assert.Equal(expected, result.To);
            state = result.To;
        }

        Step(s_admin, SheetAction.StartSelfAssessment, SheetState.SelfAssessing);
        Step(s_reporter, SheetAction.SubmitSelfAssessment, SheetState.SelfAssessed);
        Step(s_assessor, SheetAction.StartAssessment, SheetState.Assessing);
        Step(s_assessor, SheetAction.SubmitAssessment, SheetState.Assessed);
        Step(s_admin, SheetAction.ReturnForRevision, SheetState.Assessing, "1.1.2 的会议次数请核实");
        Step(s_assessor, SheetAction.SubmitAssessment, SheetState.Assessed);
        Step(s_admin, SheetAction.Review, SheetState.Reviewed);
        Step(s_admin, SheetAction.Approve, SheetState.Approved);
        Step(s_admin, SheetAction.Publish, SheetState.Published);
        Assert.Empty(SheetWorkflow.Actions(s_admin, Sheet(state)));
    }

    [Theory]
    [InlineData(SheetAction.SubmitSelfAssessment, SheetState.SelfAssessing)]
    [InlineData(SheetAction.SubmitAssessment, SheetState.Assessing)]
    [InlineData(SheetAction.Review, SheetState.Assessed)]
    [InlineData(SheetAction.Publish, SheetState.Approved)]
    public void SomeoneElse_IsRefusedAsNotYours(SheetAction action, SheetState state)
    {
        foreach (var caller in new[] { s_otherAssessor, s_otherReporter, s_leader })
        {
            if (caller.Role == Role.Admin)
                continue;
            var refused = Assert.IsType<TransitionResult.Refused>(SheetWorkflow.Apply(caller, Sheet(state), action, "x"));
            Assert.Equal(TransitionRefusal.NotYours, refused.Reason);
        }
    }

    [Fact]
    public void AnActionInTheWrongState_IsRefusedAsWrongState()
    {
        var refused = Assert.IsType<TransitionResult.Refused>(SheetWorkflow.Apply(s_admin, Sheet(SheetState.Assessing), SheetAction.Publish, null));

        Assert.Equal(TransitionRefusal.WrongState, refused.Reason);
        Assert.Equal("考评表当前状态为“考评中”，不能“公示”。", refused.Message.Zh);
    }

    [Theory]
    [InlineData(null)]
    [InlineData("   ")]
    public void AReturnWithoutAComment_IsRefused(string? comment)
    {
        var refused = Assert.IsType<TransitionResult.Refused>(SheetWorkflow.Apply(s_admin, Sheet(SheetState.Assessed), SheetAction.ReturnForRevision, comment));

        Assert.Equal(TransitionRefusal.CommentRequired, refused.Reason);
    }

    [Fact]
    public void Actions_ListWhatEachRoleMayDoNow()
    {
        Assert.Equal([SheetAction.SubmitAssessment], SheetWorkflow.Actions(s_assessor, Sheet(SheetState.Assessing)));
        Assert.Equal([SheetAction.ReturnSelfAssessment, SheetAction.StartAssessment], SheetWorkflow.Actions(s_assessor, Sheet(SheetState.SelfAssessed)));
        Assert.Equal([SheetAction.Review, SheetAction.ReturnForRevision], SheetWorkflow.Actions(s_admin, Sheet(SheetState.Assessed)));
        Assert.Equal([SheetAction.SubmitSelfAssessment], SheetWorkflow.Actions(s_reporter, Sheet(SheetState.SelfAssessing)));
        Assert.Empty(SheetWorkflow.Actions(s_leader, Sheet(SheetState.Assessed)));
        Assert.Empty(SheetWorkflow.Actions(s_otherReporter, Sheet(SheetState.SelfAssessing)));
    }
}
