using System.Text.Json;

namespace Kaoping.Cli.Tests;

public class RubricCommandTests
{
    [Fact]
    public void Import_WithJson_PrintsTheRubricInTheDocumentedFormat()
    {
        var run = CliRun.Of("rubric", "import", CliRun.Seed, "--json");

        Assert.Equal(0, run.ExitCode);
        Assert.Equal("", run.Err);
        using var json = JsonDocument.Parse(run.Out);
        var root = json.RootElement;
        Assert.Equal("附件3", root.GetProperty("annex").GetString());
        Assert.Equal("2018年度县（市、区）安全生产工作责任目标考评细则", root.GetProperty("title").GetString());
        Assert.Equal(40, root.GetProperty("points").GetDecimal());
        var category = root.GetProperty("categories")[0];
        Assert.Equal("一", category.GetProperty("code").GetString());
        Assert.Equal("责任落实", category.GetProperty("name").GetString());
        var item = category.GetProperty("subcategories")[0].GetProperty("items")[1];
        Assert.Equal("1.1.2", item.GetProperty("key").GetString());
        Assert.Equal("2", item.GetProperty("number").GetString());
        Assert.Equal(JsonValueKind.Number, item.GetProperty("points").ValueKind);
        var clause = item.GetProperty("clauses")[0];
        Assert.Equal("perOccurrence", clause.GetProperty("kind").GetString());
        Assert.Equal("0.5", clause.GetProperty("amount").GetRawText());
        Assert.Equal(JsonValueKind.Null, clause.GetProperty("cap").ValueKind);
        Assert.Equal(0, item.GetProperty("warnings").GetArrayLength());
    }

    [Fact]
    public void Import_WithoutJson_PrintsASummary()
    {
        var run = CliRun.Of("rubric", "import", CliRun.Seed);

        Assert.Equal(0, run.ExitCode);
        Assert.Contains("附件3　2018年度县（市、区）安全生产工作责任目标考评细则", run.Out);
        Assert.Contains("总分：40分", run.Out);
        Assert.Contains("考评项目：43项", run.Out);
        Assert.Contains("四、重点工作落实　13分（7个类别，11项）", run.Out);
        Assert.Contains("分值检查：一致", run.Out);
        Assert.Contains("提示：无", run.Out);
    }

    [Fact]
    public void Import_BuiltInRubric_ReadsTheSameAsTheFile()
    {
        Assert.Equal(CliRun.Of("rubric", "import", CliRun.Seed, "--json").Out, CliRun.Of("rubric", "import", "builtin:2018-county-safety-rubric",
            "--json").Out);
    }

    [Fact]
    public void Import_InEnglish_PrintsEnglishLabels()
    {
        var run = CliRun.Of("rubric", "import", CliRun.Seed, "--lang", "en");

        Assert.Contains("Total: 40 points; 5 categories, 20 subcategories, 43 items", run.Out);
    }

    [Fact]
    public void Import_UnseenRubricWithWarnings_ListsThemWithTheirPlace()
    {
        var run = CliRun.Of("rubric", "import", CliRun.Unseen("department-2020.txt"));

        Assert.Equal(0, run.ExitCode);
        Assert.Contains("3.1.3（", run.Out);
        Assert.Contains("综合评定", run.Out);
    }

    [Fact]
    public void Import_RubricThatDoesNotAddUp_StillPrintsAndPointsToTheCheck()
    {
        var run = CliRun.Of("rubric", "import", CliRun.Unseen("bad-sum.txt"));

        Assert.Equal(0, run.ExitCode);
        Assert.Contains("分值检查：发现2个问题", run.Out);
    }

    [Fact]
    public void Check_ConsistentRubric_ExitsZero()
    {
        var run = CliRun.Of("rubric", "check", CliRun.Seed);

        Assert.Equal(0, run.ExitCode);
        Assert.Contains("分值一致", run.Out);
    }

    [Fact]
    public void Check_PointsThatDoNotAddUp_ExitsOneAndNamesEachPlace()
    {
        var run = CliRun.Of("rubric", "check", CliRun.Unseen("bad-sum.txt"));

        Assert.Equal(1, run.ExitCode);
        Assert.Contains("发现2个问题", run.Out);
        Assert.Contains("一、责任落实 › 街道党工委办事处领导责任（", run.Out);
        Assert.Contains("bad-sum.txt 第18行）：各项分值之和为5.5分，与类别分值6分不符", run.Out);
        Assert.Contains("二、隐患治理（", run.Out);
    }

    [Fact]
    public void Check_ClauseContradictingItsPoints_ExitsOne()
    {
        var file = CliRun.TempFile("规则（1分）\n\t指标\n\t类别\n\t考评内容及要求\n\t考评标准\n\t分值\n\t扣分及原因\n\t一、管理（1分）\n\t类别（1分）\n\t1.甲\n\t未落实的扣2分。\n\t1分\n\t", ".txt");

        var run = CliRun.Of("rubric", "check", file, "--lang", "en");

        Assert.Equal(1, run.ExitCode);
        Assert.Contains("deducts 2, more than the item's 1 points", run.Out);
    }

    [Fact]
    public void List_ShowsTheBuiltInRubric() =>
        Assert.Contains("builtin:2018-county-safety-rubric", CliRun.Of("rubric", "list").Out);
}

public class WordRubricCommandTests
{
    [Fact]
    public void Import_AWordRubric_ReadsItsTable()
    {
        const string w = "http://schemas.openxmlformats.org/wordprocessingml/2006/main";
        static string P(string text) => $"<w:p><w:r><w:t>{text}</w:t></w:r></w:p>";
        static string Row(params string[] cells) => "<w:tr>" + string.Concat(cells.Select(c => "<w:tc>" + P(c) + "</w:tc>")) + "</w:tr>";
        var body = P("附件1") + P("细则（1分）") + "<w:tbl>" + Row("指标", "类别", "考评内容及要求", "考评标准", "分值", "扣分及原因")
            + Row("一、管理（1分）", "类别（1分）", "1.甲", "每少一次扣0.5分。", "1分", "") + "</w:tbl>";
        var path = Path.Combine(Path.GetTempPath(), "kaoping-" + Guid.NewGuid().ToString("N") + ".docx");
        using (var zip = System.IO.Compression.ZipFile.Open(path, System.IO.Compression.ZipArchiveMode.Create))
        {
            using var writer = new StreamWriter(zip.CreateEntry("word/document.xml").Open());
            writer.Write($"<?xml version=\"1.0\" encoding=\"UTF-8\"?><w:document xmlns:w=\"{w}\"><w:body>{body}</w:body></w:document>");
        }

        var run = CliRun.Of("rubric", "import", path, "--json");

        Assert.Equal(0, run.ExitCode);
        Assert.Contains("\"kind\": \"perOccurrence\"", run.Out);
        Assert.Contains("\"annex\": \"附件1\"", run.Out);
    }
}

public class RubricReadoutTests
{
    [Fact]
    public void Check_ListsWhatWasReadForEachItem()
    {
        var run = CliRun.Of("rubric", "check", CliRun.Unseen("department-2020.txt"));

        Assert.Equal(0, run.ExitCode);
        Assert.Contains("逐项读取（31项，其中3项需人工判断）：", run.Out);
        Assert.Contains("  1.1.2（4分）\n    1. [once 2] 未制定权力清单和责任清单 — 扣2分", run.Out.ReplaceLineEndings("\n"));
        Assert.Contains("[perOccurrence 0.5，上限2] 班子成员“一岗双责”未明确的，每人", run.Out);
        Assert.Contains("  1.2.2（3分）　⚠ 需人工判断", run.Out);
        Assert.Contains("[range 0.5–1] 考核结果未运用 — 酌情扣0.5～1分", run.Out);
    }

    [Fact]
    public void Check_NamesAnEffectBeyondTheItemAndEveryWarningUnderItsItem()
    {
        var run = CliRun.Of("rubric", "check", CliRun.Unseen("department-2020.txt"), "--lang", "en");
        var lines = run.Out.ReplaceLineEndings("\n").Split('\n').ToList();

        var at = lines.FindIndex(l => l.StartsWith("  4.3.1 (4 points)", StringComparison.Ordinal));
        Assert.True(at >= 0, run.Out);
        Assert.Equal("    1. [perOccurrence 2, cap 4] 本行业领域发生一般生产安全事故的，每起 — deduct 2 each, at most 4", lines[at + 1]);
        Assert.Equal("    ⚑ effect beyond the item: veto", lines[at + 2]);
        Assert.StartsWith("    ! “发生较大及以上生产安全事故的，实行安全生产“一票否决”” reaches beyond the item (veto)", lines[at + 3]);
        Assert.Contains("  3.1.3 (3 points)  ⚠ judge by hand", lines);
    }

    [Fact]
    public void Check_TheSeed_ReadsEveryItemWithoutAnythingToJudgeByHand()
    {
        var run = CliRun.Of("rubric", "check", CliRun.Seed);

        Assert.Contains("逐项读取（43项，其中0项需人工判断）：", run.Out);
        Assert.DoesNotContain("⚠", run.Out);
        Assert.Contains("提示：无", run.Out);
    }
}
