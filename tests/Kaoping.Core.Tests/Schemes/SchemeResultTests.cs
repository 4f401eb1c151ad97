using Kaoping.Schemes;
using Kaoping.Scoring;
using Kaoping.Text;
using static Kaoping.Core.Tests.Schemes.SchemeFixtures;

namespace Kaoping.Core.Tests.Schemes;

public class SchemeResultTests
{
    private static Scheme Small(string aRule = "full", decimal aPoints = 10, decimal bPoints = 5) => Read($$"""
        {"title":"测试方案","parts":[{"key":"a","name":"甲部分","points":{{aPoints}},"rubric":"ten.txt","notApplicable":"{{aRule}}"},
                                   {"key":"b","name":"乙部分","points":{{bPoints}},"rubric":"eight.txt"}]}
        """);

    private static TargetInput Both(IReadOnlyList<Finding> a, IReadOnlyList<Finding> b, params string[] notApplicableInA) => new("甲县",
        new Dictionary<string, PartInput> { ["a"] = new(a, [.. notApplicableInA.Select(Key)]), ["b"] = new(b, []) }, [], []);

    [Fact]
    public void Of_APartCountedAtItsRubricsPoints_IsTheRubricScoreExactly()
    {
        var result = SchemeResult.Of(Small(), Input("甲县", "a", [new ClauseFinding(Key("1.1.1"), 1, 2), new ManualDeduction(Key("1.1.3"), 0.35m, "资料缺页")]));

        Assert.Equal(7.65m, result.Parts[0].Score);
        Assert.Equal(5, result.Parts[1].Score); // 8 of 8 counted as 5
        Assert.Equal(12.65m, result.Score);
        Assert.Equal(15, result.Points);
    }

    [Fact]
    public void Of_AConvertedPart_IsScaledAndRoundedOnceHalfAwayFromZero()
    {
        // 6.6 of 8 counted as 5: 4.125 → 4.13 (banker's rounding would give 4.12)
        var scheme = Small(bPoints: 5);
        var result = SchemeResult.Of(scheme, Both([], [new ManualDeduction(Key("1.1.1"), 1.4m, "未全部开展")]));

        Assert.Equal(4.13m, result.Parts[1].Score);
        Assert.Equal(10 + 4.13m, result.Score);
    }

    [Fact]
    public void Of_TheTotal_IsTheSumOfTheRoundedParts_NotRoundedAgain()
    {
        var scheme = Read("""
            {"title":"t","parts":[{"key":"b1","name":"一","points":5,"rubric":"eight.txt"},{"key":"b2","name":"二","points":5,"rubric":"eight.txt"}]}
            """);
        var deduction = new ManualDeduction(Key("1.1.1"), 1.4m, "未全部开展");
        var input = new TargetInput("甲县", new Dictionary<string, PartInput> { ["b1"] = new([deduction], []), ["b2"] = new([deduction], []) }, [], []);

        var result = SchemeResult.Of(scheme, input);

        Assert.Equal([4.13m, 4.13m], result.Parts.Select(p => p.Score));
        Assert.Equal(8.26m, result.Score); // 4.125 + 4.125 would be 8.25
    }

    [Fact]
    public void Of_NotApplicableInAFullPart_KeepsTheItemsPoints()
    {
        var result = SchemeResult.Of(Small("full"), Input("甲县", "a", [new ClauseFinding(Key("1.1.1"), 1)], [Key("1.1.3")]));

        Assert.Equal(9, result.Parts[0].Score);
        Assert.Equal(10, result.Parts[0].ApplicablePoints);
    }

    [Fact]
    public void Of_NotApplicableInARescaledPart_ScalesEarnedOverApplicablePoints()
    {
        // 1.1.3 (3 points) left out: earned 9 − 3 = 6 of 7 applicable, × 10 = 8.571… → 8.57
        var result = SchemeResult.Of(Small("rescale"), Input("甲县", "a", [new ClauseFinding(Key("1.1.1"), 1)], [Key("1.1.3")]));

        Assert.Equal(8.57m, result.Parts[0].Score);
        Assert.Equal(7, result.Parts[0].ApplicablePoints);
    }

    [Fact]
    public void Of_AnItemThatSaysNotApplicableScoresFull_KeepsItsPointsEvenInARescaledPart()
    {
        Assert.True(Ten.Find(Key("1.1.2"))!.NotApplicableFull);

        var result = SchemeResult.Of(Small("rescale"), Input("甲县", "a", [new ClauseFinding(Key("1.1.1"), 1)], [Key("1.1.2")]));

        Assert.Equal(9, result.Parts[0].Score);
    }

    [Fact]
    public void Of_APartWithEveryItemLeftOut_ScoresItsPoints()
    {
        var result = SchemeResult.Of(Small("rescale", aPoints: 20), Input("甲县", "a", notApplicable: [Key("1.1.1"), Key("1.1.3")]));

        // 1.1.2 stays (不涉及的不扣分): 3 of 3 applicable, × 20
        Assert.Equal(20, result.Parts[0].Score);
        var scheme = Read("""{"title":"t","parts":[{"key":"b","name":"乙","points":5,"rubric":"eight.txt","notApplicable":"rescale"}]}""");
        Assert.Equal(5, SchemeResult.Of(scheme, Input("甲县", "b", notApplicable: [Key("1.1.1"), Key("1.1.2")])).Score);
    }

    [Fact]
    public void Of_AFindingOnANotApplicableItem_IsRefusedNamingIt()
    {
        var error = Assert.Throws<InvalidInputException>(() =>
            SchemeResult.Of(Small(), Input("甲县", "a", [new ClauseFinding(Key("1.1.1"), 1), new ClauseFinding(Key("1.1.3"), 1)], [Key("1.1.3")])));

        Assert.Equal("甲县：部分“a”：第2条发现：考评项目1.1.3已标为不涉及，不能扣分。", error.Text.Zh);
        Assert.Contains("item 1.1.3 is marked not applicable", error.Text.En);
    }

    [Fact]
    public void Of_UnknownPartItemOrVeto_IsRefusedNamingIt()
    {
        var scheme = Small();
        var part = Assert.Throws<InvalidInputException>(() => SchemeResult.Of(scheme, Input("甲县", "c")));
        Assert.Equal("甲县：方案没有部分“c”（有：a、b）。", part.Text.Zh);

        var item = Assert.Throws<InvalidInputException>(() => SchemeResult.Of(scheme, Input("甲县", "a", [new ClauseFinding(Key("9.1.1"), 1)])));
        Assert.StartsWith("甲县：部分“a”：没有考评项目“9.1.1”", item.Text.Zh);
        Assert.Contains("第1条发现：没有考评项目“9.1.1”", SchemeResult.Problem(scheme, Input("甲县", "a", [new ClauseFinding(Key("9.1.1"), 1)]))!.Zh);

        var notApplicable = Assert.Throws<InvalidInputException>(() => SchemeResult.Of(scheme, Input("甲县", "a", notApplicable: [Key("1.1.9")])));
        Assert.Contains("不涉及的考评项目“1.1.9”不存在", notApplicable.Text.Zh);

        var veto = Assert.Throws<InvalidInputException>(() =>
            SchemeResult.Of(scheme, new TargetInput("甲县", new Dictionary<string, PartInput>(), [], ["major"])));
        Assert.Equal("甲县：方案没有否决事项“major”（有：无）。", veto.Text.Zh);

        var bonus = Assert.Throws<InvalidInputException>(() =>
            SchemeResult.Of(scheme, new TargetInput("甲县", new Dictionary<string, PartInput>(), [new ClauseFinding(Key("1.1.1"), 1)], [])));
        Assert.Contains("方案没有加分", bonus.Text.Zh);
    }

    [Fact]
    public void Of_TheSampleTarget_AddsConvertedPartsAndTheBonus()
    {
        using var stream = File.OpenRead(Path.Combine(SampleFolder, "target-yuzhou.json"));
        var input = TargetJson.Read(stream, "target-yuzhou.json", Sample);

        var result = SchemeResult.Of(Sample, input);

        Assert.Equal(57, result.PartScore("accidents")); // one death over the quota: 60 − 3
        Assert.Equal(38.46m, result.PartScore("work"));   // (38.5 − 1) × 40 ÷ 39, 4.2.1 not applicable
        Assert.Equal(0.9m, result.Bonus);                 // 0.5 (the higher of two levels) + 2 × 0.2
        Assert.Equal(96.36m, result.Score);
        Assert.Equal("优秀", result.Grade);
        Assert.Empty(result.Vetoes);
    }

    [Fact]
    public void Of_Bonus_AlternativesCountOnceAtTheHighest_EachItemWithinItsCap_AllWithinTheSchemesCap()
    {
        var bonus = new List<Finding>
        {
            new ClauseFinding(Key("1.1.1"), 1), new ClauseFinding(Key("1.1.1"), 2), new ClauseFinding(Key("1.1.1"), 3), // 1, not 1.7
            new ClauseFinding(Key("1.2.1"), 1, 7),                                                                      // 1.4 capped at 1
        };
        var result = SchemeResult.Of(Sample, new TargetInput("甲县", new Dictionary<string, PartInput>(), bonus, []));

        var sheet = Scorer.Score(Sample.Bonus!.Rubric, "甲县", bonus);
        Assert.Equal(1, sheet.Categories[0].Subcategories[0].Items[0].Score);
        Assert.Equal(1, sheet.Categories[0].Subcategories[1].Items[0].Score);
        Assert.Equal(2, result.Bonus);
        Assert.Equal(102, result.Score);

        var all = SchemeResult.Of(Sample, new TargetInput("甲县", new Dictionary<string, PartInput>(),
            [.. bonus, new ClauseFinding(Key("1.3.1"), 1, 2)], []));
        Assert.Equal(3, Scorer.Score(Sample.Bonus.Rubric, "甲县", [.. bonus, new ClauseFinding(Key("1.3.1"), 1, 2)]).Score);
        Assert.Equal(2, all.Bonus); // the scheme's cap
    }

    [Fact]
    public void Of_ADeclaredVeto_GradesTheVetoGradeWhateverTheTotal()
    {
        var result = SchemeResult.Of(Sample, new TargetInput("甲县", new Dictionary<string, PartInput>(), [], ["major"]));

        Assert.Equal(100, result.Score);
        Assert.True(result.Vetoed);
        Assert.Equal(["major"], result.Vetoes);
        Assert.Equal("不合格", result.Grade);
    }

    [Theory]
    [InlineData(2, 50, true)]   // 60 − 30 − 20 + 40 = 50 < 60
    [InlineData(1, 60, false)]  // 60 − 30 − 10 + 40: exactly 60 is not below it
    public void Of_AVetoWithBelow_FiresWhenTheTotalIsBelowIt(int serious, decimal total, bool vetoed)
    {
        var result = SchemeResult.Of(Sample, Input("甲县", "accidents", [new ClauseFinding(Key("1.1.1"), 1, 10), new ClauseFinding(Key("1.2.1"), 1, serious)]));

        Assert.Equal(total, result.Score);
        Assert.Equal(vetoed, result.Vetoed);
        Assert.Equal(vetoed ? ["low"] : [], result.Vetoes);
        Assert.Equal(vetoed ? "不合格" : "合格", result.Grade);
    }

    [Theory]
    [InlineData(0, "优秀")]
    [InlineData(4, "良好")]   // 88
    [InlineData(7, "合格")]   // 79
    public void Of_TheGrade_IsTheBandTheTotalFallsIn(int deaths, string grade)
    {
        var result = SchemeResult.Of(Sample, Input("甲县", "accidents", deaths == 0 ? [] : [new ClauseFinding(Key("1.1.1"), 1, deaths)]));

        Assert.Equal(grade, result.Grade);
    }
}
