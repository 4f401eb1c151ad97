using Kaoping.Campaigns;
using Kaoping.Data.Entities;
using Kaoping.Rubrics;
using Kaoping.Scoring;

namespace Kaoping.Web.Services;

/// <summary>What the reader of a sheet may do with it now, decided by the core's rules from who they are, the state and the day.</summary>
public sealed record SheetRights(
    FindingSide? Editable, bool SeesTeam, FindingSide? EvidenceSide, bool CanAppeal, bool CanDecideAppeals, bool IsFinal, int DaysLate, DateOnly? Due)
{
    public static SheetRights For(Caller caller, SheetFacts sheet, CampaignDeadlines deadlines, DateOnly today)
    {
        var editable = SheetAccess.EditableSide(caller, sheet);
        var appealOpen = deadlines.AppealOpen(sheet.State, today) && SheetAccess.IsReporterOf(caller, sheet);
        return new SheetRights(
            editable,
            SheetAccess.CanSeeTeamFindings(caller, sheet),
            editable ?? (appealOpen ? FindingSide.Self : null),
            appealOpen,
            caller.Role == Role.Admin && sheet.State == SheetState.Published,
            deadlines.IsFinal(sheet.State, today),
            deadlines.DaysLate(sheet.State, today),
            deadlines.DueFor(sheet.State));
    }
}

/// <summary>A sheet as its reader sees it: the rubric, both sides' findings and scores, and what the reader may do.</summary>
public sealed record SheetView(
    Sheet Sheet, Campaign Campaign, Rubric Rubric, SheetScore Score, SheetScore SelfScore, SheetRights Rights, IReadOnlyList<SheetAction> Actions)
{
    public string ETag => SheetETag.Of(Sheet.Version);

    public string TargetName => Sheet.Target?.Name ?? "";

    public bool CanEdit => Rights.Editable is not null;

    public bool HasSelfAssessment => Sheet.SelfAssessedAt is not null || Sheet.State == SheetState.SelfAssessing;

    public string? Remark(ItemKey key) => Remark(FindingSide.Team, key);

    public string? Remark(FindingSide side, ItemKey key) => side == FindingSide.Team && !Rights.SeesTeam ? null : Sheet.RemarkOf(side, key);

    public IEnumerable<Finding> FindingsOf(ItemKey key) => FindingsOf(FindingSide.Team, key);

    public IEnumerable<Finding> FindingsOf(FindingSide side, ItemKey key) =>
        side == FindingSide.Team && !Rights.SeesTeam ? [] : Sheet.ToFindings(side).Where(f => f.Item == key);

    public SheetScore ScoreOf(FindingSide side) => side == FindingSide.Team ? Score : SelfScore;

    /// <summary>The items whose self-assessed score differs from the team's, once both exist and the reader sees both.</summary>
    public IReadOnlyList<ItemKey> Differences => Rights.SeesTeam && Sheet.SelfAssessedAt is not null ? SheetItems.Differences(Score, SelfScore) : [];

    public IEnumerable<SheetEvidence> EvidenceOf(ItemKey key) =>
        Sheet.Evidence.Where(e => e.ItemKey == key && e.RemovedAt is null && (Rights.SeesTeam || e.Side == FindingSide.Self)).OrderBy(e => e.Id);

    /// <summary>The comment of the return that brought the sheet to where it is, if the last step was a return.</summary>
    public SheetTransition? LastReturn =>
        Sheet.Transitions.OrderBy(t => t.Id).LastOrDefault() is { } last && SheetWorkflow.NeedsComment(last.Action) ? last : null;

    public IEnumerable<SheetAppeal> AppealsOf(ItemKey key) => Sheet.Appeals.Where(a => a.ItemKey == key).OrderBy(a => a.Id);
}

/// <summary>A sheet's version as an HTTP entity tag, "v12".</summary>
public static class SheetETag
{
    public static string Of(int version) => "\"v" + version.ToString(System.Globalization.CultureInfo.InvariantCulture) + "\"";

    public static int? VersionOf(string? etag)
    {
        var value = etag?.Trim();
        if (value is null || !value.StartsWith("\"v", StringComparison.Ordinal) || !value.EndsWith('"'))
            return null;
        return int.TryParse(value[2..^1], System.Globalization.NumberStyles.None, System.Globalization.CultureInfo.InvariantCulture, out var v) ? v : null;
    }
}
