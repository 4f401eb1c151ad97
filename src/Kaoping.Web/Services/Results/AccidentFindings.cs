using Kaoping.Data.Entities;
using Kaoping.Rubrics;
using Kaoping.Scoring;
using Kaoping.Text;

namespace Kaoping.Web.Services.Results;

/// <summary>
/// How a target's accident statistics score the accident part (事故控制指标, key <c>accidents</c>), by the clauses of the
/// accident rubric as samples/scheme/accidents.txt writes them: item 1.1.1's first clause counts each death over the
/// control quota (死亡人数每超过控制指标1人扣3分), item 1.2.1's first clause each 较大 accident (发生一起较大生产安全事故扣10分),
/// item 1.3.1's first clause each accident over the accident control quota (事故起数每超过控制指标1起扣1分), item 1.3.2's first
/// clause fires once on a fatal non-coal-mine accident (非煤矿山发生亡人事故的扣5分). Those two items are counted only when the
/// rubric has them with such a first clause (<see cref="Counted"/>): a rubric without them is still an accident part.
/// A 重大 or 特别重大 accident fires the scheme's veto <c>major</c>, concealment its veto <c>concealed</c>.
/// </summary>
public static class AccidentFindings
{
    public const string PartKey = "accidents";
    public const string MajorVeto = "major";
    public const string ConcealedVeto = "concealed";
    public static readonly ItemKey DeathsItem = ItemKey.Parse("1.1.1");
    public static readonly ItemKey SeriousItem = ItemKey.Parse("1.2.1");
    public static readonly ItemKey AccidentsItem = ItemKey.Parse("1.3.1");
    public static readonly ItemKey MineItem = ItemKey.Parse("1.3.2");

    /// <summary>
    /// The items of the rubric the statistics decide, each with what decides it (shown on the statistics page); every
    /// other item of the rubric keeps its points, and the page says so.
    /// </summary>
    public static IReadOnlyList<(ItemKey Item, string Statistic)> Counted(Rubric rubric) =>
    [
        (DeathsItem, "死亡人数超过死亡控制指标的人数"), (SeriousItem, "较大事故起数"),
        .. Fits(rubric, AccidentsItem, ClauseKind.PerOccurrence) ? [(AccidentsItem, "事故起数超过事故起数控制指标的起数")] : Array.Empty<(ItemKey, string)>(),
        .. Fits(rubric, MineItem, ClauseKind.Once) ? [(MineItem, "有非煤矿山亡人事故（1起及以上）")] : Array.Empty<(ItemKey, string)>(),
    ];

    private static bool Fits(Rubric rubric, ItemKey key, ClauseKind kind) =>
        rubric.Find(key) is { } item && item.Clauses.Count > 0 && item.Clauses[0].Kind == kind;

    /// <summary>Why a rubric cannot be the accident part's: an item or clause the statistics count is missing.</summary>
    public static LocalizedText? Problem(Rubric rubric)
    {
        foreach (var (item, what) in new[] { (DeathsItem, "死亡人数超过控制指标"), (SeriousItem, "较大事故") })
        {
            if (rubric.Find(item) is not { } found || found.Clauses.Count == 0 || found.Clauses[0].Kind != ClauseKind.PerOccurrence)
                return LocalizedText.Format("考评细则“{0}”的考评项目{1}的第1条应是按次数扣分的条款（{2}，由事故统计计数）。",
                    "the rubric “{0}”: the first clause of item {1} must deduct per occurrence ({2}, counted from the statistics).",
                    rubric.Title, item, what);
        }
        return null;
    }

    public static IReadOnlyList<Finding> Of(AccidentStatistics statistics, Rubric rubric)
    {
        var findings = new List<Finding>();
        if (statistics.Accidents > statistics.AccidentQuota && Fits(rubric, AccidentsItem, ClauseKind.PerOccurrence))
            findings.Add(new ClauseFinding(AccidentsItem, 1, statistics.Accidents - statistics.AccidentQuota));
        if (statistics.MineFatalAccidents > 0 && Fits(rubric, MineItem, ClauseKind.Once))
            findings.Add(new ClauseFinding(MineItem, 1));
        if (statistics.Deaths > statistics.DeathQuota)
            findings.Add(new ClauseFinding(DeathsItem, 1, statistics.Deaths - statistics.DeathQuota));
        if (statistics.Serious > 0)
            findings.Add(new ClauseFinding(SeriousItem, 1, statistics.Serious));
        return findings;
    }

    /// <summary>The vetoes the statistics fire, each with its reason, among those the scheme has.</summary>
    public static IEnumerable<(string Key, string Reason)> Vetoes(AccidentStatistics statistics, Func<string, bool> schemeHas)
    {
        if (statistics.Major + statistics.EspeciallyMajor > 0 && schemeHas(MajorVeto))
            yield return (MajorVeto, Reason(statistics));
        if (statistics.Concealed && schemeHas(ConcealedVeto))
            yield return (ConcealedVeto, "事故统计：有瞒报、谎报");
    }

    private static string Reason(AccidentStatistics s) => "事故统计：" + string.Join("，",
        new[] { s.Major > 0 ? $"重大事故{s.Major}起" : null, s.EspeciallyMajor > 0 ? $"特别重大事故{s.EspeciallyMajor}起" : null }.OfType<string>());
}
