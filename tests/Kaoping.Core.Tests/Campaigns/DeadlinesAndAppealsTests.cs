using Kaoping.Campaigns;

namespace Kaoping.Core.Tests.Campaigns;

public class DeadlinesAndAppealsTests
{
    private static readonly DateOnly s_today = new(2018, 12, 20);

    private static readonly CampaignDeadlines s_deadlines = new(
        SelfAssessment: new(2018, 12, 10), Assessment: new(2018, 12, 20), Review: new(2018, 12, 25), Approval: new(2018, 12, 28), Appeal: new(2019, 1, 5));

    [Theory]
    [InlineData(SheetState.NotStarted, 10)]
    [InlineData(SheetState.SelfAssessing, 10)]
    [InlineData(SheetState.SelfAssessed, 0)]
    [InlineData(SheetState.Assessing, 0)]
    [InlineData(SheetState.Assessed, 0)]
    [InlineData(SheetState.Published, 0)]
    public void DaysLate_CountsFromTheDeadlineOfTheStageTheSheetWaitsIn(SheetState state, int days)
    {
        Assert.Equal(days, s_deadlines.DaysLate(state, s_today));
    }

    [Fact]
    public void DaysLate_OnTheDeadlineItself_IsZero_AndTheDayAfterIsOne()
    {
        Assert.Equal(0, s_deadlines.DaysLate(SheetState.Assessing, new(2018, 12, 20)));
        Assert.Equal(1, s_deadlines.DaysLate(SheetState.Assessing, new(2018, 12, 21)));
        Assert.Equal(0, CampaignDeadlines.None.DaysLate(SheetState.Assessing, new(2030, 1, 1)));
    }

    [Fact]
    public void TheAppealWindow_IsOpenAfterPublicationUpToAndIncludingItsDeadline_ThenTheSheetIsFinal()
    {
        Assert.False(s_deadlines.AppealOpen(SheetState.Approved, new(2019, 1, 1)));
        Assert.True(s_deadlines.AppealOpen(SheetState.Published, new(2019, 1, 5)));
        Assert.False(s_deadlines.IsFinal(SheetState.Published, new(2019, 1, 5)));
        Assert.False(s_deadlines.AppealOpen(SheetState.Published, new(2019, 1, 6)));
        Assert.True(s_deadlines.IsFinal(SheetState.Published, new(2019, 1, 6)));
        Assert.True(CampaignDeadlines.None.IsFinal(SheetState.Published, s_today));
        Assert.False(CampaignDeadlines.None.IsFinal(SheetState.Approved, s_today));
    }

    private static readonly Caller s_reporter = new("r", Role.Reporter, 7, new HashSet<int>());
    private static readonly SheetFacts s_published = new(7, 1, SheetState.Published);
    private static readonly DateOnly s_inWindow = new(2019, 1, 2);

    [Fact]
    public void TheReporter_MayAppealADeductedItem_OnceAtATime()
    {
        Assert.Null(Appeals.RefuseFiling(s_reporter, s_published, s_deadlines, s_inWindow, itemDeduction: 0.5m, itemHasPendingAppeal: false));
        Assert.Contains("待处理", Appeals.RefuseFiling(s_reporter, s_published, s_deadlines, s_inWindow, 0.5m, itemHasPendingAppeal: true)!.Zh);
        Assert.Contains("没有扣分", Appeals.RefuseFiling(s_reporter, s_published, s_deadlines, s_inWindow, 0m, false)!.Zh);
    }

    [Fact]
    public void Appeals_FromOthers_BeforePublication_OrAfterTheWindow_AreRefused()
    {
        var other = s_reporter with { TargetId = 8 };
        var assessor = new Caller("a", Role.Assessor, null, new HashSet<int> { 1 });

        Assert.Contains("填报员", Appeals.RefuseFiling(other, s_published, s_deadlines, s_inWindow, 0.5m, false)!.Zh);
        Assert.Contains("填报员", Appeals.RefuseFiling(assessor, s_published, s_deadlines, s_inWindow, 0.5m, false)!.Zh);
        Assert.Contains("公示后", Appeals.RefuseFiling(s_reporter, s_published with { State = SheetState.Approved }, s_deadlines, s_inWindow, 0.5m, false)!.Zh);
        Assert.Equal("申诉期已于2019-01-05截止。", Appeals.RefuseFiling(s_reporter, s_published, s_deadlines, new(2019, 1, 6), 0.5m, false)!.Zh);
        Assert.Contains("不受理申诉", Appeals.RefuseFiling(s_reporter, s_published, CampaignDeadlines.None, s_inWindow, 0.5m, false)!.Zh);
    }

    [Fact]
    public void OnlyTheOffice_DecidesAPendingAppeal_WithItsReasons()
    {
        var admin = new Caller("o", Role.Admin, null, new HashSet<int>());

        Assert.Null(Appeals.RefuseDecision(admin, AppealStatus.Pending, "经核查，维持"));
        Assert.NotNull(Appeals.RefuseDecision(admin, AppealStatus.Pending, " "));
        Assert.NotNull(Appeals.RefuseDecision(admin, AppealStatus.Upheld, "再议"));
        Assert.NotNull(Appeals.RefuseDecision(s_reporter, AppealStatus.Pending, "自己改"));
    }

    [Theory]
    [InlineData(Role.Assessor, SheetState.Assessing, FindingSide.Team)]
    [InlineData(Role.Reporter, SheetState.SelfAssessing, FindingSide.Self)]
    [InlineData(Role.Assessor, SheetState.SelfAssessing, null)]
    [InlineData(Role.Reporter, SheetState.Assessing, null)]
    [InlineData(Role.Admin, SheetState.Assessing, null)]
    [InlineData(Role.Leader, SheetState.SelfAssessing, null)]
    public void EditableSide_IsTheTeamsWhileAssessing_AndTheTargetsWhileSelfAssessing(Role role, SheetState state, FindingSide? side)
    {
        var caller = new Caller("u", role, role == Role.Reporter ? 7 : null, new HashSet<int> { 1 });

        Assert.Equal(side, SheetAccess.EditableSide(caller, new SheetFacts(7, 1, state)));
    }

    [Theory]
    [InlineData(SheetState.Assessing, false)]
    [InlineData(SheetState.Approved, false)]
    [InlineData(SheetState.Published, true)]
    public void AReporter_SeesTheTeamsFindings_OnlyOncePublished(SheetState state, bool sees)
    {
        Assert.Equal(sees, SheetAccess.CanSeeTeamFindings(s_reporter, new SheetFacts(7, 1, state)));
        Assert.True(SheetAccess.CanSeeTeamFindings(new Caller("l", Role.Leader, null, new HashSet<int>()), new SheetFacts(7, 1, state)));
    }
}
