using System.Text;
using System.Text.Json;
using Kaoping.Rubrics;
using Kaoping.Tests;
using Kaoping.Text;

namespace Kaoping.Core.Tests.Rubrics;

public class TextRubricReaderTests
{
    [Fact]
    public void Read_Seed_GivesAnnexTitleTotalAndStructure()
    {
        var rubric = TestData.Seed;

        Assert.Equal("附件3", rubric.Annex);
        Assert.Equal("2018年度县（市、区）安全生产工作责任目标考评细则", rubric.Title);
        Assert.Equal(40m, rubric.Points);
        Assert.Equal(["责任落实", "依法治理", "基础建设", "重点工作落实", "应急管理"], rubric.Categories.Select(c => c.Name));
        Assert.Equal(["一", "二", "三", "四", "五"], rubric.Categories.Select(c => c.Code));
        Assert.Equal([11m, 3m, 10m, 13m, 3m], rubric.Categories.Select(c => c.Points));
        Assert.Equal(20, rubric.Subcategories.Count());
        Assert.Equal(43, rubric.ItemCount);
        Assert.Empty(rubric.Warnings);
        Assert.All(rubric.Items, i => Assert.Empty(i.Warnings));
    }

    [Fact]
    public void Read_Seed_JoinsNamesBrokenOverLinesAtAnyCharacter()
    {
        var rubric = TestData.Seed;

        Assert.Equal("重点工作落实", rubric.Categories[3].Name); // 重点工 / 作落实
        Assert.Equal("依法治理", rubric.Categories[1].Name);     // 依法 / 治理␠
        Assert.Equal(["党委政府领导责任", "部门监管责任", "企业主体责任", "考核奖惩"], rubric.Categories[0].Subcategories.Select(s => s.Name));
        Assert.Equal("安全生产应急救援体系和能力建设", rubric.Categories[4].Subcategories[0].Name);
        Assert.Equal(3m, rubric.Categories[4].Subcategories[0].Points);
    }

    [Fact]
    public void Read_Seed_ContinuationLineJoinsTheCellAbove()
    {
        var item = TestData.Seed.Find(new ItemKey(1, 3, 2))!;

        Assert.EndsWith("（许市安办〔2017〕38号）要求，建立各岗位安全生产责任清单。", item.Requirement);
        Assert.DoesNotContain('\n', item.Requirement);
    }

    [Fact]
    public void Read_Seed_MergedCellsKeepTheCategoryAndSubcategoryAbove()
    {
        var rubric = TestData.Seed;

        Assert.Equal([5, 2, 2, 3], rubric.Categories[0].Subcategories.Select(s => s.Items.Count));
        Assert.Equal(new ItemKey(1, 1, 2), rubric.Categories[0].Subcategories[0].Items[1].Key);
        Assert.Equal(1m, rubric.Find(new ItemKey(1, 1, 2))!.Points);
        Assert.Equal(1.5m, rubric.Find(new ItemKey(3, 2, 2))!.Points);
    }

    [Fact]
    public void Read_Seed_RecordsTheLineEachItemStartsOn()
    {
        var lines = TestData.SeedText.Split('\n');
        foreach (var item in TestData.Seed.Items)
            Assert.Contains(item.Requirement[..Math.Min(6, item.Requirement.Length)], lines[item.Place.Line - 1]);
    }

    [Theory]
    [InlineData("1.认真学习", "1", "认真学习")]
    [InlineData("2、党委政府", "2", "党委政府")]
    [InlineData("1. 加大安全生产", "1", "加大安全生产")]
    [InlineData("1．签订责任书", "1", "签订责任书")]
    [InlineData("（3）成立安委会", "3", "成立安委会")]
    [InlineData("(4)建立台账", "4", "建立台账")]
    [InlineData("②开展演练", "2", "开展演练")]
    [InlineData("９、开展演练", "9", "开展演练")]
    [InlineData("3）开展演练", "3", "开展演练")]
    [InlineData("严格对照创建标准", null, "严格对照创建标准")]
    [InlineData("2018年安全生产工作", null, "2018年安全生产工作")]
    [InlineData("80%的乡镇", null, "80%的乡镇")]
    public void Read_ItemNumberingStyles_GiveTheNumberAndTheRequirementWithoutIt(string cell, string? number, string requirement)
    {
        var text = TestData.Table("规则（1分）", ["一、管理（1分）", "类别（1分）", cell, "查阅文件。未落实的扣1分。", "1分", ""]);

        var item = TextRubricReader.Read(text, "t.txt").Items.Single();

        Assert.Equal(number, item.Number);
        Assert.Equal(requirement, item.Requirement);
    }

    [Fact]
    public void Read_FileEndingWithoutTheLastEmptyCell_ReadsTheLastRow()
    {
        var full = TestData.Table("规则（2分）",
            ["一、管理（2分）", "类别（2分）", "1.甲", "未落实的扣1分。", "1分", ""],
            ["", "", "2.乙", "未落实的扣1分。", "1分", ""]);
        var cut = full[..full.LastIndexOf('\t')];

        var rubric = TextRubricReader.Read(cut, "t.txt");

        Assert.Equal(2, rubric.ItemCount);
        Assert.Equal("乙", rubric.Items.Last().Requirement);
    }

    [Fact]
    public void Read_CrLfAndGb18030_ReadTheSameAsUtf8()
    {
        Encoding.RegisterProvider(CodePagesEncodingProvider.Instance);
        var expected = RubricJson.Write(TestData.Seed, Language.Zh);
        var crlf = TestData.SeedText.Replace("\n", "\r\n");
        var gb = Encoding.GetEncoding("GB18030").GetBytes(crlf);

        var fromCrLf = TextRubricReader.Read(crlf, "seed.txt");
        var fromGb = TextRubricReader.Read(new MemoryStream(gb), "seed.txt");

        Assert.Equal(expected, RubricJson.Write(fromCrLf, Language.Zh));
        Assert.Equal(expected, RubricJson.Write(fromGb, Language.Zh));
    }

    [Fact]
    public void Read_Utf8WithBom_ReadsTheTitle()
    {
        var bytes = Encoding.UTF8.GetPreamble().Concat(Encoding.UTF8.GetBytes(TestData.SeedText)).ToArray();

        var rubric = TextRubricReader.Read(new MemoryStream(bytes), "seed.txt");

        Assert.Equal("附件3", rubric.Annex);
    }

    [Fact]
    public void Read_ColumnsInAnotherOrder_AreRecognisedByTheirHeaderNames()
    {
        var lines = new List<string> { "附件1", "测试细则（1分）" };
        foreach (var cell in new[] { "类别", "指标", "分值", "考评标准", "考评内容及要求", "扣分及原因" })
            lines.Add("\t" + cell);
        foreach (var cell in new[] { "类别甲（1分）", "一、指标甲（1分）", "1分", "查阅文件。每少一次扣0.5分。", "1.要求甲", "" })
            lines.Add("\t" + cell);

        var rubric = TextRubricReader.Read(string.Join('\n', lines), "t.txt");

        Assert.Equal("指标甲", rubric.Categories[0].Name);
        Assert.Equal("类别甲", rubric.Categories[0].Subcategories[0].Name);
        var item = rubric.Items.Single();
        Assert.Equal("要求甲", item.Requirement);
        Assert.Equal(ClauseKind.PerOccurrence, item.Clauses.Single().Kind);
    }

    [Fact]
    public void Read_ExtraColumnsSuchAsSerialNumber_AreIgnored()
    {
        var lines = new List<string> { "附件2：", "乡镇安全生产考评细则（满分2分）" };
        foreach (var cell in new[] { "序号", "指标", "类别", "考评内容及要求", "考评标准", "分值", "扣分及原因", "备注" })
            lines.Add("\t" + cell);
        foreach (var cell in new[] { "1", "一、管理（2分）", "类别（2分）", "1.甲", "未落实的扣1分。", "2分", "", "" })
            lines.Add("\t" + cell);

        var rubric = TextRubricReader.Read(string.Join('\n', lines), "t.txt");

        Assert.Equal("附件2", rubric.Annex);
        Assert.Equal("乡镇安全生产考评细则", rubric.Title);
        Assert.Equal(2m, rubric.Points);
        Assert.Equal("甲", rubric.Items.Single().Requirement);
    }

    [Fact]
    public void Read_TitleWithoutTotal_UsesTheSumAndWarns()
    {
        var text = TestData.Table("考评细则", ["一、管理（1分）", "类别（1分）", "甲", "未落实的扣1分。", "1分", ""]);

        var rubric = TextRubricReader.Read(text, "t.txt");

        Assert.Equal(1m, rubric.Points);
        Assert.Contains(rubric.Warnings, w => w.Zh.Contains("没有写明总分"));
    }

    [Theory]
    [InlineData("township-2019.txt")]
    [InlineData("department-2020.txt")]
    public void Read_UnseenRubrics_MatchTheirHandWrittenModel(string file)
    {
        using var expectedFile = JsonDocument.Parse(File.ReadAllText(TestData.Unseen("expected.json")));
        var expected = expectedFile.RootElement.GetProperty(file);

        var rubric = TextRubricReader.Read(File.OpenRead(TestData.Unseen(file)), file);

        Assert.Equal(expected.GetProperty("annex").GetString(), rubric.Annex);
        Assert.Equal(expected.GetProperty("title").GetString(), rubric.Title);
        Assert.Equal(expected.GetProperty("points").GetDecimal(), rubric.Points);
        var categories = expected.GetProperty("categories").EnumerateArray().ToList();
        Assert.Equal(categories.Count, rubric.Categories.Count);
        for (var c = 0; c < categories.Count; c++)
        {
            var category = rubric.Categories[c];
            Assert.Equal(categories[c].GetProperty("name").GetString(), category.Name);
            Assert.Equal(categories[c].GetProperty("code").GetString(), category.Code);
            Assert.Equal(categories[c].GetProperty("points").GetDecimal(), category.Points);
            var subcategories = categories[c].GetProperty("subcategories").EnumerateArray().ToList();
            Assert.Equal(subcategories.Count, category.Subcategories.Count);
            for (var s = 0; s < subcategories.Count; s++)
            {
                var subcategory = category.Subcategories[s];
                Assert.Equal(subcategories[s].GetProperty("name").GetString(), subcategory.Name);
                Assert.Equal(subcategories[s].GetProperty("points").GetDecimal(), subcategory.Points);
                var items = subcategories[s].GetProperty("items").EnumerateArray().ToList();
                Assert.Equal(items.Count, subcategory.Items.Count);
                for (var i = 0; i < items.Count; i++)
                {
                    var item = subcategory.Items[i];
                    var want = items[i];
                    var where = $"{file} {item.Key}";
                    Assert.True(want.GetProperty("key").GetString() == item.Key.ToString(), where);
                    Assert.True(want.GetProperty("number").GetString() == item.Number, where + " number");
                    Assert.True(want.GetProperty("points").GetDecimal() == item.Points, where + " points");
                    var clauses = want.GetProperty("clauses").EnumerateArray()
                        .Select(k => $"{k.GetProperty("kind").GetString()} {k.GetProperty("amount").GetDecimal()} {(k.GetProperty("cap").ValueKind == JsonValueKind.Null ? "-" : k.GetProperty("cap").GetDecimal())}");
                    var actual = item.Clauses.Select(k => $"{JsonNamingPolicy.CamelCase.ConvertName(k.Kind.ToString())} {k.Amount} {(k.Cap is { } cap ? cap : "-")}");
                    Assert.True(clauses.SequenceEqual(actual), $"{where}: expected [{string.Join(", ", clauses)}], got [{string.Join(", ", actual)}]");
                    Assert.True(want.GetProperty("unclassified").GetBoolean() == item.Warnings.Count > 0,
                        $"{where} warnings: {string.Join(" / ", item.Warnings)}");
                }
            }
        }
    }

    [Fact]
    public void Read_RowMissingACell_NamesTheRowAndLine()
    {
        var error = Assert.Throws<RubricFormatException>(() => TextRubricReader.Read(File.OpenRead(TestData.Unseen("bad-cells.txt")), "bad-cells.txt"));

        Assert.Contains("bad-cells.txt 第44行", error.Text.Zh);
        Assert.Contains("表格第4行的单元格数不对", error.Text.Zh);
        Assert.Contains("line 44", error.Text.En);
    }

    [Fact]
    public void Read_UnreadablePoints_NamesTheCellAndItsLine()
    {
        var error = Assert.Throws<RubricFormatException>(() => TextRubricReader.Read(File.OpenRead(TestData.Unseen("bad-points.txt")), "bad-points.txt"));

        Assert.Contains("bad-points.txt 第50行", error.Text.Zh);
        Assert.Contains("“一分半”无法识别", error.Text.Zh);
    }

    [Fact]
    public void Read_RandomBytes_IsRefusedAsNotText()
    {
        var bytes = new byte[4096];
        new Random(7).NextBytes(bytes);

        var error = Assert.Throws<RubricFormatException>(() => TextRubricReader.Read(new MemoryStream(bytes), "random.bin"));

        Assert.Contains("random.bin", error.Text.Zh);
        Assert.Contains("不是文本文件", error.Text.Zh);
    }

    [Theory]
    [InlineData("", "没有找到以制表符开头的单元格")]
    [InlineData("这是一封普通的信。\n没有表格。", "没有找到以制表符开头的单元格")]
    [InlineData("标题\n\t姓名\n\t年龄", "没有找到表头行")]
    public void Read_TextInAnotherLayout_IsRefusedWithTheReason(string text, string reason)
    {
        var error = Assert.Throws<RubricFormatException>(() => TextRubricReader.Read(text, "other.txt"));

        Assert.StartsWith("other.txt", error.Text.Zh);
        Assert.Contains(reason, error.Text.Zh);
    }

    [Fact]
    public void Read_CategoryWhoseSubcategoryCellIsMergedAcross_IsItsOwnSubcategory()
    {
        var text = TestData.Table("规则（2分）",
            ["一、管理（1分）", "类别（1分）", "甲", "未落实的扣1分。", "1分", ""],
            ["二、事故控制（1分）", "", "乙", "发生事故的扣1分。", "1分", ""]);

        var rubric = TextRubricReader.Read(text, "t.txt");

        Assert.Equal("事故控制", rubric.Categories[1].Subcategories.Single().Name);
        Assert.Equal(1m, rubric.Categories[1].Subcategories.Single().Points);
        Assert.Empty(RubricCheck.Check(rubric));
    }

    [Theory]
    [InlineData("考评细则（4分）\n（2019年修订）")]
    [InlineData("考评细则（4分）\n被考评单位：        考评时间：")]
    [InlineData("考评细则（满分4分，其中加分2分）")]
    public void Read_TitleFollowedByOtherLines_KeepsItsTotal(string title)
    {
        var text = TestData.Table(title, ["一、管理（3分）", "类别（3分）", "甲", "未落实的扣1分。", "3分", ""]);

        var rubric = TextRubricReader.Read(text, "t.txt");

        Assert.Equal("考评细则", rubric.Title);
        Assert.Equal(4m, rubric.Points);
        Assert.Contains(RubricCheck.Check(rubric), p => p.Message.Zh.Contains("与总分4分不符"));
    }

    [Fact]
    public void Read_Utf16WithByteOrderMark_ReadsTheSame()
    {
        var bytes = Encoding.Unicode.GetPreamble().Concat(Encoding.Unicode.GetBytes(TestData.SeedText)).ToArray();

        var rubric = TextRubricReader.Read(new MemoryStream(bytes), "seed.txt");

        Assert.Equal(43, rubric.ItemCount);
    }

    [Fact]
    public void Read_HeaderRowRepeatedMidTable_IsSkipped()
    {
        var text = TestData.Table("规则（2分）",
            ["一、管理（2分）", "类别（2分）", "1.甲", "未落实的扣1分。", "1分", ""],
            ["指标", "类别", "考评内容及要求", "考评标准", "分值", "扣分及原因"],
            ["", "", "2.乙", "未落实的扣1分。", "1分", ""]);

        var rubric = TextRubricReader.Read(text, "t.txt");

        Assert.Equal(2, rubric.ItemCount);
    }

    [Fact]
    public void Read_PointsBeyondReason_AreRefused()
    {
        var text = TestData.Table("规则（1分）", ["一、管理（1分）", "类别（1分）", "甲", "未落实的扣1分。", "99999999分", ""]);

        var error = Assert.Throws<RubricFormatException>(() => TextRubricReader.Read(text, "t.txt"));

        Assert.Contains("无法识别", error.Text.Zh);
    }

    [Fact]
    public void Read_OversizedFile_IsRefusedBeforeReadingItAll()
    {
        var stream = new MemoryStream(new byte[TextRubricReader.MaxBytes + 1]);

        var error = Assert.Throws<RubricFormatException>(() => TextRubricReader.Read(stream, "big.txt"));

        Assert.Contains("文件过大", error.Text.Zh);
    }
}
