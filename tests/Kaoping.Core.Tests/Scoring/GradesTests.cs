using Kaoping.Rubrics;
using Kaoping.Scoring;
using Kaoping.Tests;

namespace Kaoping.Core.Tests.Scoring;

public class GradesTests
{
    [Theory]
    [InlineData(40, "优秀")]
    [InlineData(36, "优秀")]
    [InlineData(35.5, "良好")]
    [InlineData(32, "良好")]
    [InlineData(24, "合格")]
    [InlineData(23.5, "不合格")]
    [InlineData(0, "不合格")]
    public void Of_UsesTheDefaultBandsAsShares(double score, string grade) =>
        Assert.Equal(grade, Grades.Of((decimal)score, 40));

    [Fact]
    public void DeductionStatistics_CountTargetsAndPointsLostPerItem()
    {
        var rubric = TestData.Seed;
        var a = Scorer.Score(rubric, "甲", [new ClauseFinding(new ItemKey(1, 1, 2), 1, 3)]);
        var b = Scorer.Score(rubric, "乙", [new ClauseFinding(new ItemKey(1, 1, 2), 1, 1), new ClauseFinding(new ItemKey(2, 1, 1), 1)]);
        var c = Scorer.Score(rubric, "丙", []);

        var statistics = DeductionStatistics.Of(rubric, [a, b, c]);

        Assert.Equal(43, statistics.Count);
        var meetings = statistics.Single(s => s.Item.Key == new ItemKey(1, 1, 2));
        Assert.Equal((2, 1.5m), (meetings.Targets, meetings.TotalLost));
        var plan = statistics.Single(s => s.Item.Key == new ItemKey(2, 1, 1));
        Assert.Equal((1, 1m), (plan.Targets, plan.TotalLost));
        Assert.Equal(2.5m, statistics.Sum(s => s.TotalLost));
    }
}
