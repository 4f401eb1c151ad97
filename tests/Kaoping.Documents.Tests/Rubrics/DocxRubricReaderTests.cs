using System.IO.Compression;
using System.Text;
using Kaoping.Documents.Rubrics;
using Kaoping.Rubrics;
using Kaoping.Text;

namespace Kaoping.Documents.Tests.Rubrics;

public class DocxRubricReaderTests
{
    private static string SeedPath => Path.Combine(AppContext.BaseDirectory, "rubrics", "2018-county-safety-rubric.txt");

    private static Rubric SeedFromText => TextRubricReader.Read(File.ReadAllText(SeedPath), "seed.txt");

    private static string Json(Rubric rubric) => RubricJson.Write(rubric, Language.Zh);

    private static Rubric Read(byte[] docx, string name = "t.docx") => DocxRubricReader.Read(new MemoryStream(docx), name);

    [Fact]
    public void Read_TheSeedWrittenAsDocxByKaoping_GivesTheSameJsonAsTheText()
    {
        var table = TextRubricReader.ReadTable(File.ReadAllText(SeedPath), "seed.txt");
        var docx = DocxBuilder.FromTable(table);

        var rubric = Read(docx);

        Assert.Equal(Json(SeedFromText), Json(rubric));
    }

    [Fact]
    public void Read_TheSeedWrittenByKaopingsWordWriter_GivesTheSameJsonAsTheText()
    {
        using var docx = new MemoryStream();
        Kaoping.Documents.Sheets.SheetDocxWriter.WriteRubric(docx, SeedFromText);
        docx.Position = 0;

        var rubric = DocxRubricReader.Read(docx, "seed.docx");

        Assert.Equal(Json(SeedFromText), Json(rubric));
    }

    [Fact]
    public void Read_TheSeedConvertedByLibreOffice_GivesTheSameJsonAsTheText()
    {
        var table = TextRubricReader.ReadTable(File.ReadAllText(SeedPath), "seed.txt");
        var html = Path.Combine(Path.GetTempPath(), "kaoping-seed-" + Guid.NewGuid().ToString("N") + ".html");
        File.WriteAllText(html, HtmlTable.FromTable(table));
        var docx = LibreOffice.Convert(html, "docx:MS Word 2007 XML", "HTML (StarWriter)");

        var rubric = DocxRubricReader.Read(File.OpenRead(docx), "seed-libreoffice.docx");

        Assert.Equal(Json(SeedFromText), Json(rubric));
    }

    [Fact]
    public void Read_ThenStoredAsText_ReadsBackTheSame()
    {
        var table = DocxRubricReader.ReadTable(new MemoryStream(DocxBuilder.FromTable(TextRubricReader.ReadTable(File.ReadAllText(SeedPath), "seed.txt"))),
            "t.docx");

        var text = TextRubricWriter.Write(table);

        Assert.Equal(Json(RubricBuilder.Build(table)), Json(TextRubricReader.Read(text, "stored.txt")));
    }

    [Fact]
    public void Read_HeaderInAnotherOrder_SeveralTablesAndParagraphsInACell()
    {
        var docx = new DocxBuilder()
            .Paragraph("附件2")
            .Paragraph("2019年度乡镇安全生产考评细则（2分）")
            .Table([["说明"], ["本表由乡镇填报"]])
            .Paragraph("附表")
            .Paragraph("附件2")
            .Paragraph("2019年度乡镇安全生产考评细则（2分）")
            .Table([
                ["类别", "指标", "分值", "考评内容及要求", "考评标准", "扣分及原因"],
                [new DocxCell(["领导责任", "（2分）"], VMerge: "restart"), new DocxCell(["一、组织", "领导（2分）"], VMerge: "restart"), "1分", "1.定期研究安全生产",
                    new DocxCell(["查阅会议纪要。", "每少一次扣0.5分。"]), ""],
                [new DocxCell([], VMerge: "continue"), new DocxCell([], VMerge: "continue"), "1分", "2.签订责任书", "未签订的扣1分。", ""],
            ])
            .Build();

        var rubric = Read(docx);

        Assert.Equal("附件2", rubric.Annex);
        Assert.Equal("2019年度乡镇安全生产考评细则", rubric.Title);
        Assert.Equal("组织领导", rubric.Categories.Single().Name);
        Assert.Equal("领导责任", rubric.Categories[0].Subcategories.Single().Name);
        Assert.Equal(2, rubric.ItemCount);
        Assert.Equal(ClauseKind.PerOccurrence, rubric.Items.First().Clauses.Single().Kind);
        Assert.Equal("查阅会议纪要", rubric.Items.First().Method);
        Assert.Empty(RubricCheck.Check(rubric));
    }

    [Fact]
    public void Read_HorizontallyMergedCells_AreEmptyGridColumns()
    {
        var docx = new DocxBuilder()
            .Paragraph("细则（1分）")
            .Table([
                ["指标", "类别", "考评内容及要求", "考评标准", "分值", "扣分及原因"],
                [new DocxCell(["一、管理（1分）"], Span: 2), "甲", "未落实的扣1分。", "1分", ""],
            ])
            .Build();

        var rubric = Read(docx);

        // the category's merged subcategory column is empty: the category is its own subcategory
        Assert.Equal("管理", rubric.Categories[0].Subcategories.Single().Name);
        Assert.Equal(1, rubric.ItemCount);
    }

    [Fact]
    public void Read_MergedCellsThatDoNotLineUp_NameTheTableAndRow()
    {
        var docx = new DocxBuilder()
            .Paragraph("细则（1分）")
            .Table([
                ["指标", "类别", "考评内容及要求", "考评标准", "分值", "扣分及原因"],
                [new DocxCell(["一、管理（1分）"], Span: 3), "甲", "未落实的扣1分。", "1分", ""],
            ])
            .Build();

        var error = Assert.Throws<RubricFormatException>(() => Read(docx, "bad.docx"));

        Assert.Equal("bad.docx：表1第2行有7列，与表头的6列对不齐（合并单元格不一致）。", error.Text.Zh);
    }

    [Fact]
    public void Read_PointsThatCannotBeRead_NameTheTableAndRow()
    {
        var docx = new DocxBuilder()
            .Paragraph("细则（1分）")
            .Table([
                ["指标", "类别", "考评内容及要求", "考评标准", "分值", "扣分及原因"],
                ["一、管理（1分）", "类别（1分）", "甲", "未落实的扣1分。", "一分半", ""],
            ])
            .Build();

        var error = Assert.Throws<RubricFormatException>(() => Read(docx, "bad.docx"));

        Assert.Contains("bad.docx 表1 第2行", error.Text.Zh);
        Assert.Contains("一分半", error.Text.Zh);
    }

    [Fact]
    public void Read_PointsThatDoNotAddUp_AreFoundByTheCheck()
    {
        var docx = new DocxBuilder()
            .Paragraph("细则（3分）")
            .Table([
                ["指标", "类别", "考评内容及要求", "考评标准", "分值", "扣分及原因"],
                ["一、管理（3分）", "类别（3分）", "甲", "未落实的扣1分。", "1分", ""],
            ])
            .Build();

        var problems = RubricCheck.Check(Read(docx));

        Assert.Contains(problems, p => p.Message.Zh.Contains("各项分值之和为1分，与类别分值3分不符") && p.Place.Table == 1);
    }

    public static TheoryData<string, byte[], string> NotRubrics()
    {
        var random = new byte[4096];
        new Random(11).NextBytes(random);
        var pdf = Encoding.ASCII.GetBytes("%PDF-1.4\n1 0 obj << /Type /Catalog >> endobj\n%%EOF");
        var encrypted = new byte[512];
        new byte[] { 0xD0, 0xCF, 0x11, 0xE0, 0xA1, 0xB1, 0x1A, 0xE1 }.CopyTo(encrypted, 0);
        return new TheoryData<string, byte[], string>
        {
            { "random", random, "不是 Word（.docx）文件" },
            { "renamed pdf", pdf, "不是 Word（.docx）文件" },
            { "encrypted", encrypted, "文件已加密" },
            { "no table", new DocxBuilder().Paragraph("通知").Build(), "文档中没有表格" },
            { "no header", new DocxBuilder().Table([["姓名", "单位"], ["张三", "应急局"]]).Build(), "都没有考评细则的表头" },
            { "zip without document", ZipWith("readme.txt", 10), "没有正文" },
        };
    }

    [Theory]
    [MemberData(nameof(NotRubrics))]
    public void Read_FilesThatAreNotWordRubrics_AreRefusedClearly(string what, byte[] content, string message)
    {
        var error = Assert.Throws<RubricFormatException>(() => Read(content, what + ".docx"));

        Assert.StartsWith(what + ".docx", error.Text.Zh);
        Assert.Contains(message, error.Text.Zh);
    }

    [Fact]
    public void Read_AZipBomb_IsRefusedWithoutUnpackingIt()
    {
        var bomb = ZipWith("word/document.xml", 64 * 1024 * 1024);
        var before = GC.GetTotalAllocatedBytes(precise: true);

        var error = Assert.Throws<RubricFormatException>(() => DocxRubricReader.Read(new MemoryStream(bomb), "bomb.docx",
            maxUncompressedBytes: 8 * 1024 * 1024));

        Assert.Contains("压缩炸弹", error.Text.Zh);
        Assert.True(GC.GetTotalAllocatedBytes(precise: true) - before < 32 * 1024 * 1024, "memory stays bounded");
    }

    private static byte[] ZipWith(string entry, int zeros)
    {
        using var output = new MemoryStream();
        using (var zip = new ZipArchive(output, ZipArchiveMode.Create, leaveOpen: true))
        {
            using var stream = zip.CreateEntry(entry, CompressionLevel.SmallestSize).Open();
            var chunk = new byte[1024 * 1024];
            for (var written = 0; written < zeros; written += chunk.Length)
                stream.Write(chunk, 0, Math.Min(chunk.Length, zeros - written));
        }
        return output.ToArray();
    }
}
