namespace Kaoping.Campaigns;

/// <summary>Who is asking: their role, the target they report for, the assessment teams they belong to.</summary>
public sealed record Caller(string UserId, Role Role, int? TargetId, IReadOnlySet<int> TeamIds)
{
    public static Caller Anonymous { get; } = new("", Role.Leader, null, new HashSet<int>());
}

/// <summary>What one sheet is, as far as access is concerned.</summary>
public readonly record struct SheetFacts(int TargetId, int? TeamId, SheetState State);

/// <summary>
/// Who may see and change a sheet. The office and leaders see every sheet; an assessor sees the sheets of their teams;
/// a reporter sees their own target's sheet. Only the sheet's team changes findings, and only while it is being assessed.
/// </summary>
public static class SheetAccess
{
    public static bool CanView(Caller caller, SheetFacts sheet) => caller.Role switch
    {
        Role.Admin or Role.Leader => true,
        Role.Assessor => sheet.TeamId is { } team && caller.TeamIds.Contains(team),
        Role.Reporter => caller.TargetId == sheet.TargetId,
        Role.SystemAdmin or Role.Auditor => false,
    };

    public static bool CanEditFindings(Caller caller, SheetFacts sheet) =>
        caller.Role == Role.Assessor && CanView(caller, sheet) && IsOpenForAssessment(sheet.State);

    /// <summary>The target's reporter fills its self-assessment while the sheet is 自评中.</summary>
    public static bool CanEditSelfAssessment(Caller caller, SheetFacts sheet) =>
        IsReporterOf(caller, sheet) && sheet.State == SheetState.SelfAssessing;

    /// <summary>The findings the caller may change now, if any: the team's while assessing, the target's own while self-assessing.</summary>
    public static FindingSide? EditableSide(Caller caller, SheetFacts sheet) =>
        CanEditFindings(caller, sheet) ? FindingSide.Team
        : CanEditSelfAssessment(caller, sheet) ? FindingSide.Self
        : null;

    /// <summary>Who might ever change this side of the sheet: the team for its findings, the reporter for the self-assessment.</summary>
    public static bool IsOwnSide(Caller caller, SheetFacts sheet, FindingSide side) => side switch
    {
        FindingSide.Team => caller.Role == Role.Assessor && CanView(caller, sheet),
        FindingSide.Self => IsReporterOf(caller, sheet),
    };

    /// <summary>
    /// The team's findings are the office's until they are published: a reporter sees them (and the team's score) only
    /// once the sheet is 已公示. Everyone who sees the sheet sees the self-assessment.
    /// </summary>
    public static bool CanSeeTeamFindings(Caller caller, SheetFacts sheet) =>
        CanView(caller, sheet) && (caller.Role != Role.Reporter || sheet.State == SheetState.Published);

    public static bool IsReporterOf(Caller caller, SheetFacts sheet) => caller.Role == Role.Reporter && caller.TargetId == sheet.TargetId;

    public static bool IsOpenForAssessment(SheetState state) => state switch
    {
        SheetState.Assessing => true,
        SheetState.NotStarted or SheetState.SelfAssessing or SheetState.SelfAssessed or SheetState.Assessed
            or SheetState.Reviewed or SheetState.Approved or SheetState.Published => false,
    };
}
