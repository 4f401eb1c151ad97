using System.Text;
using System.Text.Json;
using Kaoping.Rubrics;
using Kaoping.Scoring;
using Kaoping.Tests;
using Kaoping.Text;

namespace Kaoping.Core.Tests.Scoring;

/// <summary>A range clause (酌情扣X～Y分): the assessor enters an amount within its bounds and a reason.</summary>
public class RangeFindingTests
{
    private static readonly ItemKey s_key = new(1, 1, 1);

    private static readonly Rubric s_rubric = TextRubricReader.Read(TestData.Table("细则（3分）",
        ["一、管理（3分）", "类别（3分）", "1.甲", "查阅台账。未建立台账的扣1分；台账不规范的，酌情扣0.5～1.5分，最多扣1分。", "3分", ""]), "range.txt");

    [Fact]
    public void TheRubric_ReadsTheRangeWithItsBoundsAndCap()
    {
        var clause = s_rubric.Find(s_key)!.Clauses[1];

        Assert.Equal((ClauseKind.Range, 0.5m, 1.5m, 1m), (clause.Kind, clause.Min, clause.Max, clause.Cap));
        Assert.Empty(s_rubric.Find(s_key)!.Warnings);
    }

    [Theory]
    [InlineData("0.5", "0.5")]
    [InlineData("0.8", "0.8")]
    [InlineData("1.5", "1")] // within the bounds, cut by the clause's cap
    public void Score_AnAmountWithinTheBounds_IsDeductedWithTheReason(string amount, string deducted)
    {
        var finding = new RangeFinding(s_key, 2, decimal.Parse(amount, System.Globalization.CultureInfo.InvariantCulture), "三本台账缺页");

        var item = Scorer.ScoreItem(s_rubric, s_key, [finding]);

        Assert.Equal(decimal.Parse(deducted, System.Globalization.CultureInfo.InvariantCulture), item.Deduction);
        Assert.StartsWith("台账不规范（三本台账缺页），扣" + deducted + "分", item.Reason);
    }

    [Theory]
    [InlineData("0.4")]
    [InlineData("1.6")]
    public void Validate_AnAmountOutsideTheBounds_IsRefusedNamingTheItem(string amount)
    {
        var deduction = decimal.Parse(amount, System.Globalization.CultureInfo.InvariantCulture);

        var problem = FindingsValidator.Check(s_rubric, new RangeFinding(s_key, 2, deduction, "x"));

        Assert.NotNull(problem);
        Assert.Equal($"考评项目1.1.1第2条“台账不规范”的扣分{amount}分不在0.5～1.5分之间。", problem.Zh);
        Assert.Equal($"item 1.1.1 clause 2 “台账不规范”: the deduction {amount} is outside 0.5–1.5.", problem.En);
    }

    [Fact]
    public void Validate_ARangeWithoutReason_OrACountForIt_OrAnAmountForAnotherClause_IsRefused()
    {
        Assert.Contains("必须写明扣1分的原因", FindingsValidator.Check(s_rubric, new RangeFinding(s_key, 2, 1, " "))!.Zh);
        Assert.Contains("enter a deduction within those bounds and a reason", FindingsValidator.Check(s_rubric, new ClauseFinding(s_key, 2))!.En);
        Assert.Contains("不是酌情扣分条款", FindingsValidator.Check(s_rubric, new RangeFinding(s_key, 1, 1, "x"))!.Zh);
        Assert.Contains("没有第3条", FindingsValidator.Check(s_rubric, new RangeFinding(s_key, 3, 1, "x"))!.Zh);
        Assert.Throws<InvalidInputException>(() => Scorer.ScoreItem(s_rubric, s_key, [new ClauseFinding(s_key, 2)]));
    }

    [Fact]
    public void Validate_TheSameRangeTwice_IsRefused() =>
        Assert.Contains("重复出现", Assert.Single(FindingsValidator.Validate(s_rubric,
            [new RangeFinding(s_key, 2, 1, "x"), new RangeFinding(s_key, 2, 0.5m, "y")])).Problem.Zh);

    [Fact]
    public void FindingsJson_AClauseWithADeductionAndReason_IsARangeFinding()
    {
        const string json = """{"target":"甲县","findings":[{"item":"1.1.1","clause":2,"deduction":0.5,"reason":"缺页"},{"item":"1.1.1","clause":1}]}""";

        var sheet = FindingsJson.Read(new MemoryStream(Encoding.UTF8.GetBytes(json)), "f.json", s_rubric);

        Assert.Equal([new RangeFinding(s_key, 2, 0.5m, "缺页"), new ClauseFinding(s_key, 1)], sheet.Findings);
        Assert.Equal(1.5m, Scorer.Score(s_rubric, sheet).Score);
    }

    [Theory]
    [InlineData("""{"item":"1.1.1","clause":2,"deduction":2,"reason":"x"}""", "不在0.5～1.5分之间")]
    [InlineData("""{"item":"1.1.1","clause":2,"deduction":1}""", "酌情扣分必须写明原因")]
    [InlineData("""{"item":"1.1.1","clause":2,"deduction":1,"reason":"x","count":2}""", "酌情扣分只能有 item、clause、deduction、reason")]
    [InlineData("""{"item":"1.1.1","clause":1,"deduction":1,"reason":"x"}""", "不是酌情扣分条款")]
    public void FindingsJson_ABadRangeFinding_IsRefused(string finding, string zh)
    {
        var json = """{"target":"甲县","findings":[""" + finding + "]}";

        var error = Assert.Throws<InvalidInputException>(() => FindingsJson.Read(new MemoryStream(Encoding.UTF8.GetBytes(json)), "f.json", s_rubric));

        Assert.Contains(zh, error.Text.Zh);
    }

    [Fact]
    public void RubricJson_WritesARangeWithMinAndMax_AndEffectsOnTheItem()
    {
        var rubric = TextRubricReader.Read(TestData.Table("细则（4分）",
            ["一、管理（4分）", "类别（4分）", "1.甲", "台账不规范的，酌情扣1～3分。", "3分", ""],
            ["", "", "2.乙", "每起扣1分；发生较大事故的，实行一票否决。", "1分", ""]), "json.txt");

        using var json = JsonDocument.Parse(RubricJson.Write(rubric, Language.Zh));
        var items = json.RootElement.GetProperty("categories")[0].GetProperty("subcategories")[0].GetProperty("items");

        var range = items[0].GetProperty("clauses")[0];
        Assert.Equal("range", range.GetProperty("kind").GetString());
        Assert.Equal(1, range.GetProperty("min").GetDecimal());
        Assert.Equal(3, range.GetProperty("max").GetDecimal());
        Assert.Equal(JsonValueKind.Null, range.GetProperty("cap").ValueKind);
        Assert.False(range.TryGetProperty("amount", out _));
        Assert.False(items[0].TryGetProperty("effects", out _));
        Assert.Equal(["veto"], items[1].GetProperty("effects").EnumerateArray().Select(e => e.GetString()));
        Assert.Contains("一票否决", items[1].GetProperty("warnings")[0].GetString());
    }
}
