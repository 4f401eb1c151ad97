using System.Text.Json.Serialization;
using Kaoping.Scoring;

namespace Kaoping.Schemes;

/// <summary>
/// A target's year result under a scheme: each part's score, the bonus, the total (<see cref="Score"/>), the vetoes that
/// fired (declared and automatic, in the scheme's order), and the band grade (the veto grade when vetoed). Quotas are
/// the ranking's (<see cref="SchemeRanking"/>).
/// </summary>
public sealed record TargetResult(
    string Target,
    decimal Points,
    decimal Score,
    IReadOnlyList<PartResult> Parts,
    decimal Bonus,
    IReadOnlyList<string> Vetoes,
    bool Vetoed,
    string Grade)
{
    public decimal PartScore(string key) => Parts.FirstOrDefault(p => p.Key == key)?.Score ?? 0;
}

/// <summary>
/// A part's score in the scheme's points; <see cref="ApplicablePoints"/> the rubric points that counted (less than the
/// rubric's when items were rescaled away). The item detail is the sheet's (<see cref="Scorer"/>): results are kept
/// for thousands of targets at once, and hold only what the results table shows.
/// </summary>
public sealed record PartResult(string Key, string Name, decimal Points, decimal Score)
{
    [JsonIgnore]
    public decimal ApplicablePoints { get; init; }
}
