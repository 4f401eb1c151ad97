using System.Text;
using Kaoping.Rubrics;
using Kaoping.Scoring;
using Kaoping.Tests;
using Kaoping.Text;

namespace Kaoping.Core.Tests.Scoring;

public class FindingsJsonTests
{
    private static SheetFindings Read(string json) =>
        FindingsJson.Read(new MemoryStream(Encoding.UTF8.GetBytes(json)), "f.json", TestData.Seed);

    [Fact]
    public void Read_TheIssuesExample_GivesClauseAndManualFindings()
    {
        var sheet = Read("""{"target":"禹州市","findings":[{"item":"1.1.2","clause":1,"count":3},{"item":"3.2.2","clause":2},{"item":"4.6.1","deduction":0.5,"reason":"平台录入不全"}]}""");

        Assert.Equal("禹州市", sheet.Target);
        Assert.Equal(
            [new ClauseFinding(new ItemKey(1, 1, 2), 1, 3), new ClauseFinding(new ItemKey(3, 2, 2), 2, 1), new ManualDeduction(new ItemKey(4, 6, 1), 0.5m,
                "平台录入不全")],
            sheet.Findings);
        Assert.Equal(38m, Scorer.Score(TestData.Seed, sheet).Score); // 1 + 0.5 + 0.5 taken off
    }

    [Theory]
    [InlineData("""{"target":"禹州市","findings":[{"item":"9.1.1","clause":1}]}""", "第1条发现：没有考评项目“9.1.1”", "finding 1: there is no item “9.1.1”")]
    [InlineData("""{"target":"禹州市","findings":[{"item":"1.1.2","clause":1},{"item":"1.1.2","clause":3}]}""", "第2条发现：考评项目1.1.2只有1个扣分条款，没有第3条", "finding 2: item 1.1.2 has 1 clause(s); there is no clause 3")]
    [InlineData("""{"target":"禹州市","findings":[{"item":"1.1.2","clause":1,"count":-1}]}""", "第1条发现（1.1.2）：次数应是0或正整数，读到的是 -1", "must be 0 or a positive whole number; got -1")]
    [InlineData("""{"target":"禹州市","findings":[{"item":"1.1.2","clause":1,"count":1.5}]}""", "读到的是 1.5", "got 1.5")]
    [InlineData("""{"target":"禹州市","findings":[{"item":"4.6.1","deduction":0.5}]}""", "人工扣分必须写明原因", "needs a reason")]
    [InlineData("""{"target":"禹州市","findings":[{"item":"1-1-2","clause":1}]}""", "格式不对，应如“1.1.2”", "is malformed")]
    [InlineData("""{"target":"禹州市","findings":[{"item":"1.1.2","clause":1},{"item":"1.1.2","clause":1}]}""", "第2条发现：考评项目1.1.2第1条重复出现", "appears twice")]
    [InlineData("""{"findings":[]}""", "缺少被考评单位", "target")]
    [InlineData("""{"target":"禹州市",""", "不是合法的 JSON", "not valid JSON")]
    [InlineData("""[1,2]""", "应是一个对象", "must be an object")]
    [InlineData("""{"target":"禹州市","findings":[{"item":"1.1.2","clause":1,"cout":3}]}""", "不认识的字段“cout”", "unknown field “cout”")]
    [InlineData("""{"target":"禹州市","findings":[{"item":"4.6.1","deduction":0.5,"reason":"x","count":2}]}""", "不认识的字段“count”", "unknown field “count”")]
    [InlineData("""{"target":"禹州市","findings":[{"item":"1.1.2","clause":1,"count":1000000}]}""", "过大", "too large")]
    [InlineData("""{"target":"禹州市","findings":[{"item":"4.6.1","deduction":79228162514264337593543950335,"reason":"x"}]}""", "过大", "too large")]
    public void Read_BadFindings_NameTheFileAndThePlace(string json, string zh, string en)
    {
        var error = Assert.Throws<InvalidInputException>(() => Read(json));

        Assert.StartsWith("f.json：", error.Text.Zh);
        Assert.Contains(zh, error.Text.Zh);
        Assert.Contains(en, error.Text.En);
    }

    [Fact]
    public void Read_OversizedFile_IsRefused()
    {
        var stream = new MemoryStream(new byte[FindingsJson.MaxBytes + 1]);

        var error = Assert.Throws<InvalidInputException>(() => FindingsJson.Read(stream, "big.json", TestData.Seed));

        Assert.Equal("big.json：文件过大（超过4 MB）。", error.Text.Zh);
    }

    // Found by fuzzing: invalid UTF-8 inside a string passed the parser and threw InvalidOperationException when read.
    [Fact]
    public void Read_InvalidUtf8InAString_IsRefused()
    {
        var bytes = Encoding.UTF8.GetBytes("""{"target":"禹州市","findings":[]}""");
        bytes[11] = 0xA5; // a continuation byte where 禹 starts

        var error = Assert.Throws<InvalidInputException>(() => FindingsJson.Read(new MemoryStream(bytes), "f.json", TestData.Seed));

        Assert.Equal("f.json：不是 UTF-8 编码的文本。", error.Text.Zh);
    }

    [Fact]
    public void Read_DeepNesting_IsRefusedAsInvalidJson()
    {
        var json = """{"target":"禹州市","findings":[""" + new string('[', 10_000) + new string(']', 10_000) + "]}";

        var error = Assert.Throws<InvalidInputException>(() => Read(json));

        Assert.Contains("不是合法的 JSON", error.Text.Zh);
    }

    [Fact]
    public void Read_MoreThan50FindingsOnAnItem_NamesTheItem()
    {
        var findings = string.Join(",", Enumerable.Range(1, 51).Select(n => $$"""{"item":"4.6.1","deduction":0.01,"reason":"问题{{n}}"}"""));

        var error = Assert.Throws<InvalidInputException>(() => Read("""{"target":"禹州市","findings":[""" + findings + "]}"));

        Assert.Equal("f.json：第51条发现：考评项目4.6.1的扣分超过50条；请合并同一条款的发现（用次数 count 表示）。", error.Text.Zh);
        Assert.Contains("item 4.6.1 has more than 50 findings", error.Text.En);
    }

    [Fact]
    public void Read_MoreFindingsThanAnySheetHas_IsRefusedBeforeAnyIsRead()
    {
        var json = """{"target":"禹州市","findings":[""" + string.Join(",", Enumerable.Repeat("0", FindingsJson.MaxFindings + 1)) + "]}";

        var error = Assert.Throws<InvalidInputException>(() => Read(json));

        Assert.Equal("f.json：发现超过10000条。", error.Text.Zh);
    }
}
