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
    };

    public static bool CanEditFindings(Caller caller, SheetFacts sheet) =>
        caller.Role == Role.Assessor && CanView(caller, sheet) && IsOpenForAssessment(sheet.State);

    public static bool IsOpenForAssessment(SheetState state) => state switch
    {
        SheetState.Assessing => true,
        SheetState.NotStarted or SheetState.SelfAssessing or SheetState.SelfAssessed or SheetState.Assessed
            or SheetState.Reviewed or SheetState.Approved or SheetState.Published => false,
    };
}
