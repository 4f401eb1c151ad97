using Kaoping.Rubrics;
using Kaoping.Scoring;
using static Kaoping.Core.Tests.Schemes.SchemeFixtures;

namespace Kaoping.Core.Tests.Rubrics;

/// <summary>The wording of accident-control parts and bonus rubrics (issue 14).</summary>
public class SchemeWordingTests
{
    [Theory]
    [InlineData("死亡人数每超过控制指标1人扣3分，扣完为止。", 3)]
    [InlineData("发生一起较大生产安全事故扣10分，扣完为止。", 10)]
    [InlineData("事故起数每超过控制指标1起扣1分，扣完为止。", 1)]
    public void AccidentRules_ArePerOccurrence(string criteria, decimal amount)
    {
        var read = ClauseExtractor.Extract(criteria, 30);

        var clause = Assert.Single(read.Clauses);
        Assert.Equal(ClauseKind.PerOccurrence, clause.Kind);
        Assert.Equal(amount, clause.Amount);
        Assert.Empty(read.Warnings);
    }

    [Theory]
    [InlineData("经验做法被省级以上推广的，每项加0.2分，最高不超过1分。")]
    [InlineData("经验做法被省级以上推广的，每项加0.2分，最多不超过1分。")]
    [InlineData("经验做法被省级以上推广的，每项加0.2分，最高加1分。")]
    public void APerOccurrenceBonus_WithItsOwnCap_IsOneCappedClause(string criteria)
    {
        var read = ClauseExtractor.Extract(criteria, 1);

        var clause = Assert.Single(read.Clauses);
        Assert.Equal(ClauseKind.Bonus, clause.Kind);
        Assert.True(clause.TakesCount);
        Assert.Equal(0.2m, clause.Amount);
        Assert.Equal(1, clause.Cap);
        Assert.Empty(read.Warnings);
    }

    [Theory]
    [InlineData("受到国家级表彰的加1分，省级表彰的加0.5分，市级表彰的加0.2分，同一事项按最高级别加分，不重复计算。")]
    [InlineData("受到国家级表彰的加1分，省级表彰的加0.5分，市级表彰的加0.2分（同一事项按最高级别计分）。")]
    [InlineData("受到国家级表彰的加1分，省级表彰的加0.5分，市级表彰的加0.2分，同一荣誉不重复加分。")]
    [InlineData("受到国家级表彰的加1分，省级表彰的加0.5分，市级表彰的加0.2分，就高不就低。")]
    public void Alternatives_AtDifferentLevels_AreRead(string criteria)
    {
        var read = ClauseExtractor.Extract(criteria, 1);

        Assert.Equal(3, read.Clauses.Count);
        Assert.All(read.Clauses, c => Assert.Equal(ClauseKind.Bonus, c.Kind));
        Assert.True(read.BonusAlternatives);
        Assert.Empty(read.Warnings);
    }

    [Fact]
    public void Alternatives_WordingAfterDeductions_IsNotABonusRule()
    {
        var read = ClauseExtractor.Extract("未制定方案的扣1分，不重复计算。", 1);

        Assert.False(read.BonusAlternatives);
        Assert.NotEmpty(read.Warnings);
    }

    [Fact]
    public void Alternatives_ScoreOnceAtTheHighest_AndTheReasonSaysSo()
    {
        var bonus = Load("bonus.txt");
        var item = bonus.Find(Key("1.1.1"))!;
        Assert.True(item.BonusAlternatives);
        Assert.True(item.IsBonusItem);

        var score = Scorer.ScoreItem(bonus, item.Key, [new ClauseFinding(item.Key, 2), new ClauseFinding(item.Key, 3)]);

        Assert.Equal(0.5m, score.Score);
        Assert.EndsWith("；同一事项按最高级别计0.5分", score.Reason);
    }

    [Fact]
    public void ACapOverAllBonusesOfAnItem_CapsThem()
    {
        var read = ClauseExtractor.Extract("经验做法被推广的，每项加0.5分。加分累计不超过2分。", 2);

        Assert.Equal(2, Assert.Single(read.Clauses).Cap);
        Assert.Empty(read.Warnings);
    }

    [Fact]
    public void NotApplicableScoresFull_IsTheItemsRule()
    {
        var read = ClauseExtractor.Extract("查阅资料。非煤矿山发生亡人事故的扣5分，不涉及的不扣分。", 5);

        Assert.True(read.NotApplicableFull);
        Assert.Equal(ClauseKind.Once, Assert.Single(read.Clauses).Kind);
        Assert.False(ClauseExtractor.Extract("查阅资料。未落实的扣1分。", 1).NotApplicableFull);
    }

    [Theory]
    [InlineData("accidents.txt", 60)]
    [InlineData("bonus.txt", 3)]
    public void TheSampleRubrics_ReadWithoutWarningsAndAddUp(string name, decimal points)
    {
        var rubric = Load(name);

        Assert.Equal(points, rubric.Points);
        Assert.Empty(RubricCheck.Check(rubric));
        Assert.All(rubric.Items, i => Assert.Empty(i.Warnings));
        Assert.Empty(rubric.Warnings);
    }
}
