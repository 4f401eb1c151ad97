using Kaoping.Campaigns;
using Kaoping.Schemes;

namespace Kaoping.Web.Services.Results;

/// <summary>
/// A campaign's year result: the scheme, the final sheets ranked under it, the sheets not yet final (listed with their
/// state, never scored), and the appeals still pending.
/// </summary>
public sealed record CampaignResultSet(
    int CampaignId,
    string Campaign,
    int Year,
    Scheme Scheme,
    IReadOnlyList<ResultRow> Ranked,
    IReadOnlyList<UnfinishedRow> Unfinished,
    int PendingAppeals)
{
    /// <summary>Whether the result may be published: every sheet final and no appeal pending.</summary>
    public bool Complete => Unfinished.Count == 0 && PendingAppeals == 0;

    /// <summary>The part the sheets score, and the part the accident statistics score (null: the scheme has none).</summary>
    public string SheetPart { get; init; } = CampaignSchemes.DefaultPartKey;

    public string? AccidentPart { get; init; }
}

/// <summary>A ranked target: its sheet, its place and grade after quotas, and the vetoes that fired with their names.</summary>
public sealed record ResultRow(int SheetId, RankedTarget Place, IReadOnlyList<FiredVeto> Vetoes)
{
    public TargetResult Result => Place.Result;
}

/// <summary>A veto that fired: its key and name, and the office's reason when the office set it.</summary>
public sealed record FiredVeto(string Key, string Name, string? Reason);

/// <summary>A target not ranked: its sheet is not final, or (<paramref name="MissingAccidents"/>) its accident statistics are not entered.</summary>
public sealed record UnfinishedRow(int SheetId, string Target, SheetState State, bool MissingAccidents = false);
