using System.Text.Json;

namespace Kaoping.Cli.Tests;

public class RulesAndScoreCommandTests
{
    [Fact]
    public void RulesParse_TheIssuesExample_PrintsOnePerOccurrenceClause()
    {
        var run = CliRun.Of("rules", "parse", "--points", "1", "查阅党委、政府会议纪要。每少一次扣0.5分，直至此项分值扣完。", "--json");

        Assert.Equal(0, run.ExitCode);
        using var json = JsonDocument.Parse(run.Out);
        var clause = json.RootElement.GetProperty("clauses").EnumerateArray().Single();
        Assert.Equal("每少一次", clause.GetProperty("condition").GetString());
        Assert.Equal("perOccurrence", clause.GetProperty("kind").GetString());
        Assert.Equal(0.5m, clause.GetProperty("amount").GetDecimal());
        Assert.Equal("查阅党委、政府会议纪要", json.RootElement.GetProperty("method").GetString());
    }

    [Fact]
    public void RulesParse_Readable_DescribesEachClause()
    {
        var run = CliRun.Of("rules", "parse", "--points", "1", "未调整“双主任”的，扣0.5分；未明确分管领导的，扣0.5分。");

        Assert.Contains("1. 未调整“双主任” — 扣0.5分", run.Out);
        Assert.Contains("2. 未明确分管领导 — 扣0.5分", run.Out);
    }

    [Fact]
    public void RulesParse_Unclassifiable_ShowsAWarning()
    {
        var run = CliRun.Of("rules", "parse", "--points", "2", "由考评组综合评定。", "--lang", "en");

        Assert.Equal(0, run.ExitCode);
        Assert.Contains("(no clauses)", run.Out);
        Assert.Contains("Could not classify", run.Out);
    }

    [Fact]
    public void Score_WithJson_PrintsEveryLevelAndTheReasons()
    {
        var findings = CliRun.TempFile("""
            {"target":"禹州市","findings":[
              {"item":"1.1.2","clause":1,"count":3},
              {"item":"3.2.2","clause":2},
              {"item":"4.6.1","deduction":0.5,"reason":"风险管控事项未全部录入省级平台"}]}
            """);

        var run = CliRun.Of("score", "--rubric", CliRun.Seed, "--findings", findings, "--json");

        Assert.Equal(0, run.ExitCode);
        using var json = JsonDocument.Parse(run.Out);
        var root = json.RootElement;
        Assert.Equal("禹州市", root.GetProperty("target").GetString());
        Assert.Equal(40, root.GetProperty("points").GetDecimal());
        Assert.Equal(38, root.GetProperty("score").GetDecimal());
        var first = root.GetProperty("categories")[0];
        Assert.Equal("责任落实", first.GetProperty("name").GetString());
        Assert.Equal(10, first.GetProperty("score").GetDecimal());
        var sub = first.GetProperty("subcategories")[0];
        Assert.Equal(4, sub.GetProperty("score").GetDecimal());
        var item = sub.GetProperty("items")[1];
        Assert.Equal("1.1.2", item.GetProperty("key").GetString());
        Assert.Equal(1, item.GetProperty("deduction").GetDecimal());
        Assert.Equal(0, item.GetProperty("score").GetDecimal());
        Assert.Equal("少3次，扣1.5分；已扣完此项分值（1分）", item.GetProperty("reason").GetString());
    }

    [Fact]
    public void Score_Readable_ShowsTotalsAndReasons()
    {
        var findings = CliRun.TempFile("""{"target":"长葛市","findings":[{"item":"2.1.1","clause":1}]}""");

        var run = CliRun.Of("score", "--rubric", "builtin:2018-county-safety-rubric", "--findings", findings);

        Assert.Equal(0, run.ExitCode);
        Assert.Contains("总分：39 / 40", run.Out);
        Assert.Contains("二、依法治理　2 / 3", run.Out);
        Assert.Contains("2.1.1　0.5 / 1.5　未制定年度执法计划，扣1分", run.Out);
    }

    [Fact]
    public void Score_TheReadmeSample_Scores33AndAHalf()
    {
        var sample = Path.Combine(AppContext.BaseDirectory, "samples", "findings-yuzhou.json");

        var run = CliRun.Of("score", "--rubric", "builtin:2018-county-safety-rubric", "--findings", sample);

        Assert.Equal(0, run.ExitCode);
        // 1 + 0.5 + 0.5 + 0.5 + 0.5 + 1 + 2 + 0.5 = 6.5 taken off
        Assert.Contains("总分：33.5 / 40", run.Out);
        Assert.Contains("4.2.1　0 / 1　发现2家未完成建设，扣1分", run.Out);
    }
}

public class ExportCommandTests
{
    [Fact]
    public void ExportSheet_WritesAWordDocument()
    {
        var sample = Path.Combine(AppContext.BaseDirectory, "samples", "findings-yuzhou.json");
        var output = Path.Combine(Path.GetTempPath(), "kaoping-" + Guid.NewGuid().ToString("N") + ".docx");

        var run = CliRun.Of("export", "sheet", "--rubric", CliRun.Seed, "--findings", sample, "--format", "docx", "-o", output);

        Assert.Equal(0, run.ExitCode);
        Assert.Contains("已导出 禹州市 的考评表", run.Out);
        using var zip = System.IO.Compression.ZipFile.OpenRead(output);
        Assert.NotNull(zip.GetEntry("word/document.xml"));
    }

    [Fact]
    public void ExportSheet_AnUnknownFormat_IsRefusedAndWritesNothing()
    {
        var sample = Path.Combine(AppContext.BaseDirectory, "samples", "findings-yuzhou.json");
        var output = Path.Combine(Path.GetTempPath(), "kaoping-" + Guid.NewGuid().ToString("N") + ".odt");

        var run = CliRun.Of("export", "sheet", "--rubric", CliRun.Seed, "--findings", sample, "--format", "odt", "-o", output);

        Assert.Equal(2, run.ExitCode);
        Assert.Contains("不支持导出为“odt”", run.Err);
        Assert.False(File.Exists(output));
    }
}

public class ExportFormatsTests
{
    [Theory]
    [InlineData("xlsx", (byte)'P')]
    [InlineData("pdf", (byte)'%')]
    public void ExportSheet_AsExcelOrPdf(string format, byte firstByte)
    {
        var sample = Path.Combine(AppContext.BaseDirectory, "samples", "findings-yuzhou.json");
        var output = Path.Combine(Path.GetTempPath(), "kaoping-" + Guid.NewGuid().ToString("N") + "." + format);

        var run = CliRun.Of("export", "sheet", "--rubric", CliRun.Seed, "--findings", sample, "-o", output);

        Assert.Equal(0, run.ExitCode);
        Assert.Equal(firstByte, File.ReadAllBytes(output)[0]);
    }
}
