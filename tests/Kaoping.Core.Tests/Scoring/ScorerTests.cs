using Kaoping.Rubrics;
using Kaoping.Scoring;
using Kaoping.Tests;
using Kaoping.Text;

namespace Kaoping.Core.Tests.Scoring;

public class ScorerTests
{
    private static readonly Rubric s_seed = TestData.Seed;

    private static ItemKey Key(string key) => ItemKey.TryParse(key, out var k) ? k : throw new ArgumentException(key);

    private static ItemScore ItemOf(SheetScore score, string key) =>
        score.Categories.SelectMany(c => c.Subcategories).SelectMany(s => s.Items).Single(i => i.Key == Key(key));

    private static SheetScore Score(params Finding[] findings) => Scorer.Score(s_seed, "禹州市", findings);

    // SCORING.md: the party committee held 3 of 4 meetings, the government 2 of 4: 3 missing × 0.5 = 1.5, capped at 1
    [Fact]
    public void Score_MeetingsMissing_PerOccurrenceStopsAtTheItemsPoints()
    {
        var score = Score(new ClauseFinding(Key("1.1.2"), 1, 3));

        var item = ItemOf(score, "1.1.2");
        Assert.Equal(1m, item.Deduction);
        Assert.Equal(0m, item.Score);
        Assert.Equal("少3次，扣1.5分；已扣完此项分值（1分）", item.Reason);
        Assert.Equal(39m, score.Score);
    }

    [Fact]
    public void Score_ThreeOnceClausesOfInstitutionBuilding_TakeTheWholeItem()
    {
        var score = Score(new ClauseFinding(Key("3.2.2"), 1), new ClauseFinding(Key("3.2.2"), 2), new ClauseFinding(Key("3.2.2"), 3));

        var item = ItemOf(score, "3.2.2");
        Assert.Equal(1.5m, item.Deduction);
        Assert.Equal(0m, item.Score);
        Assert.Equal("未明确安全管理机构，扣0.5分；村（社区）未配备协管员，扣0.5分；未落实待遇，扣0.5分", item.Reason);
    }

    [Fact]
    public void Score_SpecialCampaigns_TwoPerOccurrenceClausesCappedAtTwo()
    {
        var score = Score(new ClauseFinding(Key("4.5.1"), 1, 3), new ClauseFinding(Key("4.5.1"), 2, 2));

        var item = ItemOf(score, "4.5.1");
        Assert.Equal(2m, item.Deduction);
        Assert.Equal(0m, item.Score);
        Assert.Equal("未制定方案的，有3项，扣1.5分；未开展整治的，有2项，扣1分；已扣完此项分值（2分）", item.Reason);
    }

    [Fact]
    public void Score_ClearingAction_TwoOnceClausesCappedAtHalfAPoint()
    {
        var score = Score(new ClauseFinding(Key("4.3.3"), 1), new ClauseFinding(Key("4.3.3"), 2));

        var item = ItemOf(score, "4.3.3");
        Assert.Equal(0.5m, item.Deduction);
        Assert.Equal(0m, item.Score);
        Assert.Equal(12.5m, score.Categories[3].Score);
    }

    [Fact]
    public void Score_NoDeductions_IsForty()
    {
        var score = Score();

        Assert.Equal(40m, score.Score);
        Assert.All(score.Categories, c => Assert.Equal(c.Points, c.Score));
        Assert.All(score.Categories.SelectMany(c => c.Subcategories).SelectMany(s => s.Items), i => Assert.Equal("", i.Reason));
    }

    [Fact]
    public void Score_EverythingLost_IsZero()
    {
        var findings = s_seed.Items.SelectMany(i => i.Clauses.Select((c, n) => (Finding)new ClauseFinding(i.Key, n + 1, c.TakesCount ? 10 : 1))).ToList();

        var score = Scorer.Score(s_seed, "全扣", findings);

        Assert.Equal(0m, score.Score);
        Assert.All(score.Categories.SelectMany(c => c.Subcategories), s => Assert.Equal(0m, s.Score));
    }

    [Fact]
    public void Score_LevelsAreSumsOfTheLevelBelow()
    {
        var score = Score(new ClauseFinding(Key("1.1.2"), 1, 1), new ClauseFinding(Key("2.1.1"), 3), new ManualDeduction(Key("4.6.1"), 0.5m, "省级平台隐患录入不全"));

        Assert.Equal(38.5m, score.Score);
        Assert.Equal(score.Score, score.Categories.Sum(c => c.Score));
        foreach (var category in score.Categories)
        {
            Assert.Equal(category.Score, category.Subcategories.Sum(s => s.Score));
            foreach (var subcategory in category.Subcategories)
                Assert.Equal(subcategory.Score, subcategory.Items.Sum(i => i.Score));
        }
        Assert.Equal("少1次，扣0.5分", ItemOf(score, "1.1.2").Reason);
        Assert.Equal("一般行业执法覆盖率低于1/3，扣0.5分", ItemOf(score, "2.1.1").Reason);
        Assert.Equal("省级平台隐患录入不全，扣0.5分", ItemOf(score, "4.6.1").Reason);
    }

    [Fact]
    public void Score_ManualDeduction_IsCappedLikeAnyOther()
    {
        var score = Score(new ManualDeduction(Key("3.1.1"), 5m, "专项资金未达到人均2元"), new ClauseFinding(Key("3.1.1"), 1));

        var item = ItemOf(score, "3.1.1");
        Assert.Equal(1m, item.Deduction);
        Assert.Equal("专项资金未达到人均2元，扣5分；未落实到位，扣1分；已扣完此项分值（1分）", item.Reason);
    }

    [Fact]
    public void Score_ZeroCount_DeductsNothing()
    {
        var score = Score(new ClauseFinding(Key("1.1.2"), 1, 0));

        Assert.Equal(40m, score.Score);
        Assert.Equal("", ItemOf(score, "1.1.2").Reason);
    }

    [Fact]
    public void Score_ClauseWithItsOwnCap_StopsAtTheCapAndSaysSo()
    {
        var rubric = TextRubricReader.Read(TestData.Table("规则（3分）",
            ["一、管理（3分）", "类别（3分）", "甲", "每发现一家企业未整改的扣0.5分，最多扣1分；未建立台账的扣1分。", "3分", ""]), "t.txt");

        var score = Scorer.Score(rubric, "甲县", [new ClauseFinding(new ItemKey(1, 1, 1), 1, 5), new ClauseFinding(new ItemKey(1, 1, 1), 2)]);

        var item = score.Categories[0].Subcategories[0].Items[0];
        Assert.Equal(2m, item.Deduction);
        Assert.Equal(1m, item.Score);
        Assert.Equal("发现5家企业未整改，扣1分（此条最多扣1分）；未建立台账，扣1分", item.Reason);
    }

    [Fact]
    public void Score_ZeroOutClause_TakesTheWholeItem()
    {
        var rubric = TextRubricReader.Read(TestData.Table("规则（3分）",
            ["一、管理（3分）", "类别（3分）", "甲", "未按要求报送的，该项不得分；每迟报一次扣0.5分。", "3分", ""]), "t.txt");

        var score = Scorer.Score(rubric, "甲县", [new ClauseFinding(new ItemKey(1, 1, 1), 1)]);

        Assert.Equal(0m, score.Score);
        Assert.Equal("未按要求报送，此项不得分", score.Categories[0].Subcategories[0].Items[0].Reason);
    }

    [Fact]
    public void Score_BonusItem_StartsFromZeroAndEarnsWithinItsCap()
    {
        var rubric = TextRubricReader.Read(TestData.Table("规则（2分）",
            ["加分项（2分）", "表彰（2分）", "甲", "获得省级表彰的，每项加1分，最多加1.5分。", "2分", ""]), "t.txt");
        var key = new ItemKey(1, 1, 1);

        var none = Scorer.Score(rubric, "甲县", []);
        var three = Scorer.Score(rubric, "甲县", [new ClauseFinding(key, 1, 3)]);

        Assert.Equal(0m, none.Score);
        Assert.Equal(1.5m, three.Score);
        Assert.Equal("获得省级表彰的，3项，加1.5分（此条最多加1.5分）", three.Categories[0].Subcategories[0].Items[0].Reason);
    }

    [Theory]
    [InlineData("9.9.9", 1, 1, "没有考评项目“9.9.9”")]
    [InlineData("1.1.2", 2, 1, "只有1个扣分条款，没有第2条")]
    [InlineData("1.1.2", 1, -1, "不能为负数")]
    [InlineData("1.1.3", 1, 2, "一次性扣分条款，次数只能是0或1")]
    public void Score_InvalidFinding_IsRefusedWithAClearMessage(string key, int clause, int count, string message)
    {
        var error = Assert.Throws<InvalidInputException>(() => Score(new ClauseFinding(Key(key), clause, count)));

        Assert.Contains(message, error.Text.Zh);
    }

    [Fact]
    public void Score_ManualDeductionWithoutReason_IsRefused()
    {
        var error = Assert.Throws<InvalidInputException>(() => Score(new ManualDeduction(Key("4.6.1"), 0.5m, "  ")));

        Assert.Contains("必须写明原因", error.Text.Zh);
        Assert.Contains("needs a reason", error.Text.En);
    }

    [Fact]
    public void Score_ItemCap_LimitsAllItsClausesTogether()
    {
        var rubric = TextRubricReader.Read(TestData.Table("规则（2分）",
            ["一、管理（2分）", "类别（2分）", "甲", "未制定计划扣1分，未备案扣1分，本项最多扣1.5分。", "2分", ""]), "t.txt");
        var key = new ItemKey(1, 1, 1);

        var item = Scorer.Score(rubric, "甲县", [new ClauseFinding(key, 1), new ClauseFinding(key, 2)]).Categories[0].Subcategories[0].Items[0];

        Assert.Equal(0.5m, item.Score);
        Assert.Equal("未制定计划，扣1分；未备案，扣1分；此项最多扣1.5分", item.Reason);
    }

    [Theory]
    [InlineData("隐患整改不充分", "隐患整改不充分，扣0.5分")]
    [InlineData("台账缺失，扣0.5分", "台账缺失，扣0.5分")]
    public void Score_ManualReason_SaysTheAmountOnce(string reason, string expected)
    {
        var item = ItemOf(Score(new ManualDeduction(Key("4.6.1"), 0.5m, reason)), "4.6.1");

        Assert.Equal(expected, item.Reason);
    }
}
