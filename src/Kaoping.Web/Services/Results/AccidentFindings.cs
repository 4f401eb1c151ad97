using Kaoping.Data.Entities;
using Kaoping.Rubrics;
using Kaoping.Scoring;
using Kaoping.Text;

namespace Kaoping.Web.Services.Results;

/// <summary>
/// How a target's accident statistics score the accident part (事故控制指标, key <c>accidents</c>), by the clauses of the
/// accident rubric as samples/scheme/accidents.txt writes them: item 1.1.1's first clause counts each death over the
/// control quota (死亡人数每超过控制指标1人扣3分), item 1.2.1's first clause each 较大 accident (发生一起较大生产安全事故扣10分).
/// A 重大 or 特别重大 accident fires the scheme's veto <c>major</c>, concealment its veto <c>concealed</c>.
/// </summary>
public static class AccidentFindings
{
    public const string PartKey = "accidents";
    public const string MajorVeto = "major";
    public const string ConcealedVeto = "concealed";
    public static readonly ItemKey DeathsItem = ItemKey.Parse("1.1.1");
    public static readonly ItemKey SeriousItem = ItemKey.Parse("1.2.1");

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

    public static IReadOnlyList<Finding> Of(AccidentStatistics statistics)
    {
        var findings = new List<Finding>();
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
