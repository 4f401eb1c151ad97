namespace Kaoping.Scoring;

/// <summary>A target's place in a campaign's ranking.</summary>
public sealed record RankedSheet(int Rank, SheetScore Score, int Vetoes);

/// <summary>
/// Orders targets by total score; ties are broken as SCORING.md says by default: fewer vetoes, then the higher score in
/// the first category, then the name. Targets equal on all of these share a rank (1, 2, 2, 4).
/// </summary>
public static class Ranking
{
    private static readonly StringComparer s_names = StringComparer.Create(System.Globalization.CultureInfo.GetCultureInfo("zh-CN"), ignoreCase: false);

    public static IReadOnlyList<RankedSheet> Rank(IEnumerable<(SheetScore Score, int Vetoes)> sheets)
    {
        var ordered = sheets
            .OrderBy(s => s.Vetoes)
            .ThenByDescending(s => s.Score.Score)
            .ThenByDescending(s => FirstCategory(s.Score))
            .ThenBy(s => s.Score.Target, s_names)
            .ToList();
        var ranked = new List<RankedSheet>(ordered.Count);
        for (var i = 0; i < ordered.Count; i++)
        {
            var (score, vetoes) = ordered[i];
            var tied = i > 0 && ranked[i - 1].Vetoes == vetoes && ranked[i - 1].Score.Score == score.Score
                && FirstCategory(ranked[i - 1].Score) == FirstCategory(score);
            ranked.Add(new RankedSheet(tied ? ranked[i - 1].Rank : i + 1, score, vetoes));
        }
        return ranked;
    }

    private static decimal FirstCategory(SheetScore score) => score.Categories.Count > 0 ? score.Categories[0].Score : 0;
}
