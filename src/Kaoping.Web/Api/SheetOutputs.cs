using System.Text.Json.Serialization;
using Kaoping.Campaigns;
using Kaoping.Data.Entities;
using Kaoping.Scoring;
using Kaoping.Text;
using Kaoping.Web.Services;

namespace Kaoping.Web.Api;

public sealed record ItemFindingsInput(IReadOnlyList<FindingInput>? Findings, string? Remark);

/// <summary>A deduction as stored: <c>id</c> stays while the deduction does.</summary>
public sealed record FindingOutput(
    long Id,
    string Item,
    [property: JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)] int? Clause,
    [property: JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)] int? Count,
    [property: JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)] decimal? Deduction,
    [property: JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)] string? Reason);

public sealed record TransitionInput(string? Action, string? Comment);

/// <summary>
/// A sheet for its reader. <c>findings</c>, <c>remarks</c> and <c>score</c> are the team's (empty and null for a
/// reporter until published); <c>selfFindings</c>, <c>selfRemarks</c> and <c>selfScore</c> the target's self-assessment;
/// <c>notApplicable</c> the items the team marked 不涉及, with the reason (seen with the team's findings).
/// </summary>
public sealed record SheetDocument(
    int Id, int CampaignId, string Target, string? Team, string State, string StateName, bool CanEdit,
    [property: JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)] string? EditableSide,
    IReadOnlyList<string> Actions,
    IReadOnlyList<FindingOutput> Findings, IReadOnlyDictionary<string, string> Remarks, SheetScore? Score,
    IReadOnlyList<FindingOutput> SelfFindings, IReadOnlyDictionary<string, string> SelfRemarks, SheetScore SelfScore,
    IReadOnlyList<string> Differences, DateOnly? Due, int DaysLate, bool CanAppeal, bool IsFinal,
    IReadOnlyList<EvidenceOutput> Evidence, IReadOnlyList<AppealOutput> Appeals, IReadOnlyDictionary<string, string> NotApplicable)
{
    public static SheetDocument Of(SheetView view, Language language)
    {
        var en = language == Language.En;
        var sheet = view.Sheet;
        var seesTeam = view.Rights.SeesTeam;
        List<FindingOutput> FindingsOf(FindingSide side) =>
            [.. sheet.Findings.Where(f => f.Side == side).OrderBy(f => f.Position)
                .Select(f => new FindingOutput(f.Id, f.ItemKey.ToString(), f.Clause, f.Clause is null || f.Deduction is not null ? null : f.Count,
                    f.Deduction, f.Reason))];
        Dictionary<string, string> RemarksOf(FindingSide side) => sheet.Remarks.Where(r => r.Side == side).ToDictionary(r => r.ItemKey.ToString(), r => r.Text);
        return new SheetDocument(
            sheet.Id, sheet.CampaignId, view.TargetName, sheet.Team?.Name,
            Names.CamelCase(sheet.State.ToString()),
            en ? SheetStates.English(sheet.State) : SheetStates.Chinese(sheet.State),
            view.CanEdit,
            view.Rights.Editable is { } side ? Names.CamelCase(side.ToString()) : null,
            [.. view.Actions.Select(a => Names.CamelCase(a.ToString()))],
            seesTeam ? FindingsOf(FindingSide.Team) : [],
            seesTeam ? RemarksOf(FindingSide.Team) : new Dictionary<string, string>(),
            seesTeam ? view.Score : null,
            FindingsOf(FindingSide.Self),
            RemarksOf(FindingSide.Self),
            view.SelfScore,
            [.. view.Differences.Select(k => k.ToString())],
            view.Rights.Due, view.Rights.DaysLate, view.Rights.CanAppeal, view.Rights.IsFinal,
            [.. sheet.Evidence.Where(e => e.RemovedAt is null && (seesTeam || e.Side == FindingSide.Self)).OrderBy(e => e.Id).Select(EvidenceOutput.Of)],
            [.. sheet.Appeals.OrderBy(a => a.Id).Select(a => AppealOutput.Of(a, language))],
            seesTeam ? sheet.NotApplicable.ToDictionary(n => n.ItemKey.ToString(), n => n.Reason) : new Dictionary<string, string>());
    }
}

public sealed record AuditOutput(long Id, DateTimeOffset At, string By, string Kind, string KindName, string? Item,
    [property: JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)] long? Finding, string? Before, string? After, string? Why)
{
    public static AuditOutput Of(SheetAuditEntry e, Language language) =>
        new(e.Id, e.At, e.By, Names.CamelCase(e.Kind.ToString()), language == Language.En ? e.Kind.English() : e.Kind.Chinese(), e.ItemKey?.ToString(),
            e.FindingId, e.Before, e.After, e.Why);
}

internal static class Names
{
    public static string CamelCase(string name) => System.Text.Json.JsonNamingPolicy.CamelCase.ConvertName(name);
}
