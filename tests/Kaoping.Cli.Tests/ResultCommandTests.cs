using System.Text.Json;

namespace Kaoping.Cli.Tests;

/// <summary>The contract of <c>kaoping result</c> and <c>kaoping rank</c> (issue 14): shapes, exit codes, messages.</summary>
public sealed class ResultCommandTests : IDisposable
{
    private readonly List<string> _written = [];

    private static string Sample(string name) => Path.Combine(AppContext.BaseDirectory, "samples", "scheme", name);

    private static string Scheme => Sample("scheme.json");

    /// <summary>A scheme file next to the sample rubrics, so its relative rubric paths resolve.</summary>
    private string SchemeBeside(string json)
    {
        var path = Sample("test-" + Guid.NewGuid().ToString("N") + ".json");
        File.WriteAllText(path, json);
        _written.Add(path);
        return path;
    }

    public void Dispose() => _written.ForEach(File.Delete);

    private static void AssertRefused(CliRun run, params string[] fragments)
    {
        Assert.Equal(2, run.ExitCode);
        Assert.Equal("", run.Out);
        Assert.Single(run.Err.TrimEnd().Split('\n'));
        foreach (var fragment in fragments)
            Assert.Contains(fragment, run.Err);
    }

    private static IEnumerable<string> Names(JsonElement element) => element.EnumerateObject().Select(p => p.Name);

    [Fact]
    public void Result_WithJson_HasExactlyTheContractsShape()
    {
        var run = CliRun.Of("result", "--scheme", Scheme, "--input", Sample("target-yuzhou.json"), "--json");

        Assert.Equal(0, run.ExitCode);
        Assert.Equal("", run.Err);
        var root = JsonDocument.Parse(run.Out).RootElement;
        Assert.Equal(["target", "points", "score", "parts", "bonus", "vetoes", "vetoed", "grade"], Names(root));
        Assert.Equal("禹州市", root.GetProperty("target").GetString());
        Assert.Equal(100, root.GetProperty("points").GetDecimal());
        Assert.Equal(96.36m, root.GetProperty("score").GetDecimal());
        var parts = root.GetProperty("parts").EnumerateArray().ToList();
        Assert.All(parts, p => Assert.Equal(["key", "name", "points", "score"], Names(p)));
        Assert.Equal(("accidents", "事故控制指标", 60m, 57m),
            (parts[0].GetProperty("key").GetString(), parts[0].GetProperty("name").GetString(), parts[0].GetProperty("points").GetDecimal(),
                parts[0].GetProperty("score").GetDecimal()));
        Assert.Equal(38.46m, parts[1].GetProperty("score").GetDecimal());
        Assert.Equal(0.9m, root.GetProperty("bonus").GetDecimal());
        Assert.Equal(0, root.GetProperty("vetoes").GetArrayLength());
        Assert.False(root.GetProperty("vetoed").GetBoolean());
        Assert.Equal("优秀", root.GetProperty("grade").GetString());
    }

    [Fact]
    public void Result_AnAutomaticVeto_IsListedWithTheDeclaredOnes()
    {
        var input = CliRun.TempFile("""
            {"target":"建安区","parts":{"accidents":{"findings":[{"item":"1.1.1","clause":1,"count":10},{"item":"1.2.1","clause":1,"count":2}]}},
             "vetoes":["concealed"]}
            """);

        var run = CliRun.Of("result", "--scheme", Scheme, "--input", input, "--json");

        var root = JsonDocument.Parse(run.Out).RootElement;
        Assert.Equal(50, root.GetProperty("score").GetDecimal());
        Assert.Equal(["concealed", "low"], root.GetProperty("vetoes").EnumerateArray().Select(v => v.GetString()));
        Assert.True(root.GetProperty("vetoed").GetBoolean());
        Assert.Equal("不合格", root.GetProperty("grade").GetString());
    }

    [Fact]
    public void Result_Readable_IsAChineseTable()
    {
        var run = CliRun.Of("result", "--scheme", Scheme, "--input", Sample("target-yuzhou.json"));

        Assert.Equal(0, run.ExitCode);
        Assert.Contains("禹州市　2018年度县（市、区）安全生产工作责任目标考核方案", run.Out);
        Assert.Contains("总分：96.36 / 100　等次：优秀", run.Out);
        Assert.Contains("事故控制指标（accidents）　57 / 60", run.Out);
        Assert.Contains("安全生产工作（work）　38.46 / 40", run.Out);
        Assert.Contains("加分　0.9（上限2）", run.Out);
        Assert.Contains("一票否决：无", run.Out);
    }

    [Fact]
    public void Rank_WithJson_HasExactlyTheContractsShape_AndAppliesTheQuota()
    {
        var run = CliRun.Of("rank", "--scheme", Scheme, "--input", Sample("targets.json"), "--json");

        Assert.Equal(0, run.ExitCode);
        var root = JsonDocument.Parse(run.Out).RootElement;
        Assert.Equal(["ranking"], Names(root));
        var ranking = root.GetProperty("ranking").EnumerateArray().ToList();
        Assert.All(ranking, r => Assert.Equal(["rank", "target", "score", "grade", "vetoed"], Names(r)));
        Assert.Equal(
            ["1 长葛市 99.5 优秀 False", "2 鄢陵县 97 良好 False", "2 襄城县 97 良好 False", "4 禹州市 96.36 良好 False", "5 示范区 85 良好 False",
             "6 东城区 70.5 合格 False", "7 魏都区 99 不合格 True", "8 建安区 50 不合格 True"],
            ranking.Select(r => string.Join(' ', r.GetProperty("rank").GetInt32(), r.GetProperty("target").GetString(),
                r.GetProperty("score").GetDecimal(), r.GetProperty("grade").GetString(), r.GetProperty("vetoed").GetBoolean())));
    }

    [Fact]
    public void Rank_Readable_ListsRankTargetTotalGradeAndVetoes()
    {
        var run = CliRun.Of("rank", "--scheme", Scheme, "--input", Sample("targets.json"));

        Assert.Equal(0, run.ExitCode);
        Assert.Contains("排名（8个单位）", run.Out);
        Assert.Contains("名次\t被考评单位\t总分\t等次\t一票否决", run.Out);
        Assert.Contains("7\t魏都区\t99\t不合格\t发生重大及以上生产安全事故", run.Out);
    }

    [Fact]
    public void Result_InEnglish_SaysSo()
    {
        var run = CliRun.Of("result", "--scheme", Scheme, "--input", Sample("target-yuzhou.json"), "--lang", "en");

        Assert.Contains("Total: 96.36 / 100  grade: 优秀", run.Out);
    }

    [Fact]
    public void Result_AFindingOnANotApplicableItem_IsRefused()
    {
        var input = CliRun.TempFile("""
            {"target":"禹州市","parts":{"work":{"findings":[{"item":"4.2.1","clause":1}],"notApplicable":["4.2.1"]}}}
            """);

        AssertRefused(CliRun.Of("result", "--scheme", Scheme, "--input", input), "错误：" + input + "（禹州市）：部分“work”：第1条发现：考评项目4.2.1已标为不涉及");
    }

    [Fact]
    public void Result_AnUnknownPart_IsRefusedNamingIt() =>
        AssertRefused(CliRun.Of("result", "--scheme", Scheme, "--input", CliRun.TempFile("""{"target":"禹州市","parts":{"safety":{}}}""")),
            "（禹州市）：方案没有部分“safety”（有：accidents、work）");

    [Fact]
    public void Result_APartTwice_IsRefused() =>
        AssertRefused(CliRun.Of("result", "--scheme", Scheme, "--input", CliRun.TempFile("""{"target":"禹州市","parts":{"work":{},"work":{}}}""")),
            "（禹州市）：部分“work”出现了两次");

    [Fact]
    public void Result_AnUnknownVeto_IsRefusedNamingIt() =>
        AssertRefused(CliRun.Of("result", "--scheme", Scheme, "--input", CliRun.TempFile("""{"target":"禹州市","vetoes":["fire"]}"""), "--lang", "en"),
            "error: ", "the scheme has no veto “fire” (it has: major、concealed、low)");

    [Fact]
    public void Result_AnUnknownItem_IsRefusedNamingItAndTheFinding() =>
        AssertRefused(CliRun.Of("result", "--scheme", Scheme, "--input",
                CliRun.TempFile("""{"target":"禹州市","parts":{"accidents":{"findings":[{"item":"1.9.1","clause":1}]}}}""")),
            "（禹州市） › accidents：第1条发现：", "没有考评项目“1.9.1”");

    [Fact]
    public void Result_ASchemeWithAnUnknownTieBreaker_IsRefusedNamingTheSchemeFile()
    {
        var scheme = SchemeBeside("""
            {"title":"t","parts":[{"key":"accidents","name":"事故","points":60,"rubric":"accidents.txt"}],"tieBreakers":["work"]}
            """);

        AssertRefused(CliRun.Of("result", "--scheme", scheme, "--input", Sample("target-yuzhou.json")), scheme, "tieBreakers 中的“work”不是方案的部分");
    }

    [Fact]
    public void Result_ASchemeWithAMissingRubric_IsRefusedNamingThePartAndTheFile()
    {
        var scheme = SchemeBeside("""{"title":"t","parts":[{"key":"accidents","name":"事故","points":60,"rubric":"accidents-2019.txt"}]}""");

        AssertRefused(CliRun.Of("result", "--scheme", scheme, "--input", Sample("target-yuzhou.json")),
            scheme + "：第1个部分（accidents）：考评细则“accidents-2019.txt”：", "accidents-2019.txt：找不到这个文件");
    }

    [Fact]
    public void Rank_ATargetTwice_IsRefused() =>
        AssertRefused(CliRun.Of("rank", "--scheme", Scheme, "--input", CliRun.TempFile("""{"targets":[{"target":"禹州市"},{"target":"禹州市"}]}""")),
            "被考评单位“禹州市”出现了两次（targets 第2项）");

    [Fact]
    public void Rank_NotAList_IsRefused() =>
        AssertRefused(CliRun.Of("rank", "--scheme", Scheme, "--input", CliRun.TempFile("""{"target":"禹州市"}""")), "不认识的字段“target”");

    [Fact]
    public void Result_WithoutTheInput_IsAUsageError() =>
        AssertRefused(CliRun.Of("result", "--scheme", Scheme), "缺少选项 --input");

    [Fact]
    public void Result_AMissingSchemeFile_IsNamed() =>
        AssertRefused(CliRun.Of("result", "--scheme", "/no/such/scheme.json", "--input", Sample("target-yuzhou.json")), "/no/such/scheme.json：找不到这个文件");
}
