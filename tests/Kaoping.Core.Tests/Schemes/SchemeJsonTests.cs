using System.Text;
using Kaoping.Schemes;
using Kaoping.Text;
using static Kaoping.Core.Tests.Schemes.SchemeFixtures;

namespace Kaoping.Core.Tests.Schemes;

public class SchemeJsonTests
{
    private const string Parts = """
        "parts":[{"key":"a","name":"甲部分","points":10,"rubric":"ten.txt"},{"key":"b","name":"乙部分","points":5,"rubric":"eight.txt","notApplicable":"rescale"}]
        """;

    private static string With(string rest) => "{\"title\":\"测试方案\"," + Parts + (rest.Length > 0 ? "," + rest : "") + "}";

    [Fact]
    public void Read_TheSample_HasItsPartsBonusVetoesGradesAndTieBreakers()
    {
        var scheme = Sample;

        Assert.Equal(100, scheme.Points);
        Assert.Equal(["accidents", "work"], scheme.Parts.Select(p => p.Key));
        Assert.Equal(60, scheme.Parts[0].Rubric.Points);
        Assert.Equal(NotApplicableRule.Full, scheme.Parts[0].NotApplicable);
        Assert.Equal(40, scheme.Parts[1].Rubric.Points);
        Assert.Equal(NotApplicableRule.Rescale, scheme.Parts[1].NotApplicable);
        Assert.Equal("builtin:2018-county-safety-rubric", scheme.Parts[1].RubricSource);
        Assert.Equal(2, scheme.Bonus!.Cap);
        Assert.Equal(["major", "concealed", "low"], scheme.Vetoes.Select(v => v.Key));
        Assert.Equal(60, scheme.Vetoes[2].Below);
        Assert.Equal(["优秀", "良好", "合格", "不合格"], scheme.Grades.Select(g => g.Name));
        Assert.Equal(0.3m, scheme.Grades[0].Quota);
        Assert.Equal("不合格", scheme.VetoGrade);
        Assert.Equal(["work", "accidents"], scheme.TieBreakers);
    }

    [Fact]
    public void Read_WithoutTheOptionalFields_UsesTheDefaultBandsOfTheSchemesPoints()
    {
        var scheme = Read(With(""));

        Assert.Equal(15, scheme.Points);
        Assert.Null(scheme.Bonus);
        Assert.Empty(scheme.Vetoes);
        Assert.Empty(scheme.TieBreakers);
        Assert.Equal([("优秀", 13.5m), ("良好", 12m), ("合格", 9m), ("不合格", 0m)], scheme.Grades.Select(g => (g.Name, g.Min)));
        Assert.Equal("不合格", scheme.VetoGrade);
        Assert.Equal(NotApplicableRule.Full, scheme.Parts[0].NotApplicable);
    }

    [Theory]
    [InlineData("\"tieBreakers\":[\"c\"]", "tieBreakers 中的“c”不是方案的部分", "the tie-breaker “c” is not a part")]
    [InlineData("\"tieBreakers\":[\"a\",\"a\"]", "tieBreakers 中的“a”重复", "the tie-breaker “a” appears twice")]
    [InlineData("\"grades\":[{\"name\":\"好\",\"min\":8},{\"name\":\"优\",\"min\":9},{\"name\":\"差\",\"min\":0}]",
        "等次应从高到低排列：“优”的最低分9不低于上一个等次“好”的8", "“优” at 9 is not below “好” at 8")]
    [InlineData("\"grades\":[{\"name\":\"好\",\"min\":8,\"quota\":1.5},{\"name\":\"不合格\",\"min\":0}]", "等次“好”的名额（quota）", "got 1.5")]
    [InlineData("\"grades\":[{\"name\":\"好\",\"min\":8,\"quota\":0},{\"name\":\"不合格\",\"min\":0}]", "等次“好”的名额（quota）", "the quota must be")]
    [InlineData("\"grades\":[{\"name\":\"好\",\"min\":8},{\"name\":\"不合格\",\"min\":0,\"quota\":0.5}]", "最低的等次“不合格”不能有名额", "no grade below it")]
    [InlineData("\"grades\":[{\"name\":\"好\",\"min\":8},{\"name\":\"不合格\",\"min\":1}]", "最低的等次“不合格”的最低分应为0", "must start at 0")]
    [InlineData("\"grades\":[{\"name\":\"好\",\"min\":20},{\"name\":\"不合格\",\"min\":0}]", "等次“好”的最低分（min）应在0到方案总分15之间", "between 0 and the scheme's 15")]
    [InlineData("\"grades\":[{\"name\":\"好\",\"min\":8},{\"name\":\"好\",\"min\":0}]", "等次“好”重复", "the grade “好” appears twice")]
    [InlineData("\"vetoGrade\":\"差\"", "否决等次（vetoGrade）“差”不是方案的等次", "the veto grade “差” is not one of the grades")]
    [InlineData("\"vetoes\":[{\"key\":\"x\",\"name\":\"甲\"},{\"key\":\"x\",\"name\":\"乙\"}]", "否决事项的键“x”重复", "the veto key “x” appears twice")]
    [InlineData("\"vetoes\":[{\"key\":\"x\",\"name\":\"甲\",\"below\":16}]", "第1个否决事项（x）：below 应大于0且不超过方案总分15", "veto 1 (x)")]
    [InlineData("\"vetoes\":[{\"key\":\"x y\",\"name\":\"甲\"}]", "第1个否决事项（x y）：键（key）", "veto 1 (x y): the key")]
    [InlineData("\"bonus\":{\"rubric\":\"bonus.txt\"}", "加分上限（bonus.cap）", "the bonus cap")]
    [InlineData("\"bonus\":{\"rubric\":\"ten.txt\",\"cap\":2}", "加分细则“ten.txt”的考评项目1.1.1不是加分项", "item 1.1.1 is not a bonus item")]
    [InlineData("\"bonus\":{\"rubric\":\"missing.txt\",\"cap\":2}", "加分（bonus）：考评细则“missing.txt”：missing.txt：找不到这个文件", "no such file")]
    [InlineData("\"extra\":1", "不认识的字段“extra”", "unknown field “extra”")]
    [InlineData("\"grades\":[{\"name\":\"好\",\"min\":\"8\"}]", "grades 第1项：“min”应是数字，读到的是 \"8\"", "grades entry 1: “min” must be a number")]
    public void Read_ABadScheme_IsRefusedNamingTheFileAndTheCulprit(string rest, string zh, string en)
    {
        var error = Refused(With(rest));

        Assert.StartsWith("s.json：", error.Text.Zh);
        Assert.Contains(zh, error.Text.Zh);
        Assert.StartsWith("s.json: ", error.Text.En);
        Assert.Contains(en, error.Text.En);
    }

    [Theory]
    [InlineData("""{"title":"t","parts":[]}""", "方案应有1到20个部分")]
    [InlineData("""{"parts":[{"key":"a","name":"甲","points":10,"rubric":"ten.txt"}]}""", "缺少方案名称（title）")]
    [InlineData("""{"title":"t","parts":[{"key":"a","name":"甲","points":10,"rubric":"ten.txt"},{"key":"a","name":"乙","points":5,"rubric":"eight.txt"}]}""",
        "部分的键“a”重复")]
    [InlineData("""{"title":"t","parts":[{"key":"a","name":"甲","points":0,"rubric":"ten.txt"}]}""", "第1个部分（a）：分值（points）应大于0")]
    [InlineData("""{"title":"t","parts":[{"key":"a","name":"甲","points":10,"rubric":"accidents-2019.txt"}]}""",
        "第1个部分（a）：考评细则“accidents-2019.txt”：accidents-2019.txt：找不到这个文件")]
    [InlineData("""{"title":"t","parts":[{"key":"a","name":"甲","points":10,"rubric":"ten.txt","notApplicable":"skip"}]}""",
        "第1个部分（a）：notApplicable 应是 full（不涉及的不扣分）或 rescale")]
    [InlineData("""{"title":"t","parts":[{"key":"a","points":10,"rubric":"ten.txt"}]}""", "第1个部分（a）：缺少名称（name）")]
    [InlineData("""{"title":"t","parts":[{"key":"a","name":"甲","points":10}]}""", "第1个部分（a）：缺少考评细则（rubric）")]
    [InlineData("""{"title":"t","parts":{}}""", "“parts”应是一个列表")]
    [InlineData("""[1]""", "应是一个对象")]
    [InlineData("""{"title":"t",""", "不是合法的 JSON")]
    public void Read_BadParts_AreRefusedNamingThePart(string json, string zh)
    {
        var error = Refused(json);

        Assert.StartsWith("s.json：", error.Text.Zh);
        Assert.Contains(zh, error.Text.Zh);
    }

    [Theory]
    [InlineData("\"bonus\":{\"rubric\":\"bonus.txt\"}", "bonus.cap")]
    [InlineData("\"vetoes\":[{\"key\":\"x\",\"name\":\"甲\"},{\"key\":\"y\",\"name\":\"乙\",\"below\":16}]", "vetoes[1].below")]
    [InlineData("\"grades\":[{\"name\":\"好\",\"min\":8},{\"name\":\"不合格\",\"min\":0,\"quota\":1}]", "grades[1].quota")]
    [InlineData("\"grades\":[{\"name\":\"好\",\"min\":20},{\"name\":\"不合格\",\"min\":0}]", "grades[0].min")]
    [InlineData("\"vetoGrade\":\"差\"", "vetoGrade")]
    public void Build_NamesTheFieldOfItsRefusal_ForAFormToShowItThere(string rest, string field)
    {
        var error = Assert.IsType<SchemeException>(Refused(With(rest)));

        Assert.Equal(field, error.Field);
    }

    [Fact]
    public void Build_NamesThePartField()
    {
        var error = Assert.IsType<SchemeException>(Refused("""
            {"title":"t","parts":[{"key":"a","name":"甲","points":10,"rubric":"ten.txt"},{"key":"b","name":"乙","points":0,"rubric":"eight.txt"}]}
            """));

        Assert.Equal("parts[1].points", error.Field);
    }

    [Fact]
    public void Read_AQuotaAsACountOrAShare_IsKept()
    {
        var scheme = Read(With("""
            "grades":[{"name":"优秀","min":13,"quota":2},{"name":"良好","min":10,"quota":0.5},{"name":"不合格","min":0}]
            """));

        Assert.Equal(2, scheme.Grades[0].Limit(9));
        Assert.Equal(4, scheme.Grades[1].Limit(9)); // floor(0.5 × 9)
        Assert.Null(scheme.Grades[2].Limit(9));
    }

    [Fact]
    public void Read_AFileTooLargeOrTooDeep_IsRefused()
    {
        var large = Assert.Throws<InvalidInputException>(() =>
            SchemeJson.Read(new MemoryStream(new byte[SchemeJson.MaxBytes + 1]), "big.json", Load));
        Assert.Contains("big.json：文件过大", large.Text.Zh);

        var deep = Refused("{\"title\":" + new string('[', 10) + new string(']', 10) + "}");
        Assert.Contains("不是合法的 JSON", deep.Text.Zh);
    }

    [Fact]
    public void Read_NotUtf8_IsRefused()
    {
        var bytes = Encoding.UTF8.GetBytes(With("")).Concat(new byte[] { 0xFF, 0xFE }).ToArray();
        var error = Assert.Throws<InvalidInputException>(() => SchemeJson.Read(new MemoryStream(bytes), "s.json", Load));
        Assert.Contains("不是 UTF-8", error.Text.Zh);
    }
}
