using CsCheck;
using Kaoping.Rubrics;
using Kaoping.Scoring;
using Kaoping.Tests;

namespace Kaoping.Core.Tests.Scoring;

public class ScorerPropertyTests
{
    private static readonly Rubric s_seed = TestData.Seed;
    private static readonly RubricItem[] s_items = [.. s_seed.Items];

    // Any valid set of findings on the seed: per clause a count (0/1 for once-clauses), and sometimes a manual deduction.
    private static readonly Gen<List<Finding>> s_findings =
        Gen.Int[0, s_items.Length - 1].SelectMany(i => Gen.Int[0, 12].SelectMany(count => Gen.Int[0, 8].Select(manual => (i, count, manual))))
            .List[0, 30]
            .Select(picks =>
            {
                var findings = new List<Finding>();
                var seen = new HashSet<(ItemKey, int)>();
                foreach (var (i, count, manual) in picks)
                {
                    var item = s_items[i];
                    var clause = count % item.Clauses.Count + 1;
                    if (seen.Add((item.Key, clause)))
                        findings.Add(new ClauseFinding(item.Key, clause, item.Clauses[clause - 1].TakesCount ? count : Math.Min(count, 1)));
                    if (manual > 6)
                        findings.Add(new ManualDeduction(item.Key, manual * 0.25m, "现场发现问题"));
                }
                return findings;
            });

    [Fact]
    public void Score_AnyFindings_KeepEveryItemWithinZeroAndItsPoints() =>
        s_findings.Sample(findings =>
        {
            var score = Scorer.Score(s_seed, "甲县", findings);
            foreach (var item in score.Categories.SelectMany(c => c.Subcategories).SelectMany(s => s.Items))
            {
                Assert.InRange(item.Score, 0m, item.Points);
                Assert.Equal(item.Points - item.Deduction, item.Score);
            }
            Assert.InRange(score.Score, 0m, 40m);
            Assert.Equal(score.Score, score.Categories.Sum(c => c.Score));
        });

    [Fact]
    public void ScoreItem_IsTheItemOfTheWholeScore() =>
        s_findings.Sample(findings =>
        {
            var score = Scorer.Score(s_seed, "甲县", findings);
            foreach (var item in score.Categories.SelectMany(c => c.Subcategories).SelectMany(s => s.Items))
                Assert.Equal(item, Scorer.ScoreItem(s_seed, item.Key, findings));
        });

    [Fact]
    public void Score_MoreOccurrences_NeverRaiseAScore()
    {
        var counted = s_items.SelectMany(i => i.Clauses.Select((c, n) => (Item: i, Clause: n + 1, c.TakesCount))).Where(x => x.TakesCount).ToArray();
        Gen.Select(Gen.Int[0, counted.Length - 1], Gen.Int[0, 20], Gen.Int[1, 5], s_findings).Sample((pick, count, more, others) =>
        {
            var (item, clause, _) = counted[pick];
            var rest = others.Where(f => f is not ClauseFinding c || c.Item != item.Key || c.Clause != clause).ToList();

            var fewer = Scorer.Score(s_seed, "甲县", [.. rest, new ClauseFinding(item.Key, clause, count)]);
            var more_ = Scorer.Score(s_seed, "甲县", [.. rest, new ClauseFinding(item.Key, clause, count + more)]);

            Assert.True(more_.Score <= fewer.Score);
        });
    }

    [Fact]
    public void Score_IsExactInDecimal_ManyHalfPointsAddUpExactly() =>
        Gen.Int[0, 80].Sample(halves =>
        {
            // 43 items; take half-points off across items until the requested number is reached (or all is lost).
            var findings = new List<Finding>();
            var left = halves;
            foreach (var item in s_items)
            {
                var take = Math.Min(left, (int)(item.Points * 2));
                if (take > 0)
                    findings.Add(new ManualDeduction(item.Key, take * 0.5m, "扣分"));
                left -= take;
            }
            var score = Scorer.Score(s_seed, "甲县", findings);
            Assert.Equal(40m - Math.Min(halves, 80) * 0.5m, score.Score);
        });
}
