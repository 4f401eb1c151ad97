namespace Kaoping.Campaigns;

/// <summary>
/// A campaign's deadlines, one per stage (all optional). A sheet is late when the day is past the deadline of the stage it
/// still waits in; after publication the target may appeal up to and including <see cref="Appeal"/>, then the sheet is final.
/// </summary>
public sealed record CampaignDeadlines(DateOnly? SelfAssessment, DateOnly? Assessment, DateOnly? Review, DateOnly? Approval, DateOnly? Appeal)
{
    public static CampaignDeadlines None { get; } = new(null, null, null, null, null);

    /// <summary>The deadline by which a sheet in this state should have moved on; none once approved.</summary>
    public DateOnly? DueFor(SheetState state) => state switch
    {
        SheetState.NotStarted or SheetState.SelfAssessing => SelfAssessment,
        SheetState.SelfAssessed or SheetState.Assessing => Assessment,
        SheetState.Assessed => Review,
        SheetState.Reviewed => Approval,
        SheetState.Approved or SheetState.Published => null,
    };

    /// <summary>Days past the deadline of the stage the sheet waits in; 0 when it is on time.</summary>
    public int DaysLate(SheetState state, DateOnly today) =>
        DueFor(state) is { } due && today > due ? today.DayNumber - due.DayNumber : 0;

    /// <summary>Whether the target may still appeal: published, and the appeal deadline not passed.</summary>
    public bool AppealOpen(SheetState state, DateOnly today) =>
        state == SheetState.Published && Appeal is { } due && today <= due;

    /// <summary>Published and past the appeal window (or without one): nobody changes the sheet any more, except to decide appeals filed in time.</summary>
    public bool IsFinal(SheetState state, DateOnly today) =>
        state == SheetState.Published && !AppealOpen(state, today);

    /// <summary>
    /// These deadlines for one sheet given more time: the stage it waited in when it was given the time (see
    /// <see cref="DueFor"/>) ends on <paramref name="until"/>; for a published sheet, its appeals. Null for a state without a deadline.
    /// </summary>
    public CampaignDeadlines? Extended(SheetState stage, DateOnly until) => stage switch
    {
        SheetState.NotStarted or SheetState.SelfAssessing => this with { SelfAssessment = until },
        SheetState.SelfAssessed or SheetState.Assessing => this with { Assessment = until },
        SheetState.Assessed => this with { Review = until },
        SheetState.Reviewed => this with { Approval = until },
        SheetState.Published => this with { Appeal = until },
        SheetState.Approved => null,
    };

    /// <summary>The deadline that an extension granted in <paramref name="state"/> moves: the stage's, or the appeals' once published.</summary>
    public DateOnly? ExtensibleDue(SheetState state) => state == SheetState.Published ? Appeal : DueFor(state);

    /// <summary>Stage names for the board and the sheet: which stage a state waits in.</summary>
    public static (string Zh, string En)? StageOf(SheetState state) => state switch
    {
        SheetState.NotStarted or SheetState.SelfAssessing => ("自评", "self-assessment"),
        SheetState.SelfAssessed or SheetState.Assessing => ("考评", "assessment"),
        SheetState.Assessed => ("复核", "review"),
        SheetState.Reviewed => ("审定", "approval"),
        SheetState.Approved or SheetState.Published => null,
    };
}
