using System.Diagnostics;
using System.IO.Compression;
using DocumentFormat.OpenXml.Packaging;
using DocumentFormat.OpenXml.Wordprocessing;
using DocumentFormat.OpenXml.Validation;
using Kaoping.Documents.Reports;
using Kaoping.Documents.Sheets;
using Kaoping.Rubrics;
using Kaoping.Scoring;

namespace Kaoping.Documents.Tests.Reports;

public class CampaignReportsTests
{
    private static readonly string[] s_targets = ["禹州市", "长葛市", "鄢陵县", "襄城县", "魏都区", "建安区", "城乡一体化示范区", "东城区", "经济技术开发区"];

    private static CampaignResults Results()
    {
        var rubric = TextRubricReader.Read(File.ReadAllText(Path.Combine(AppContext.BaseDirectory, "rubrics", "2018-county-safety-rubric.txt")), "seed.txt");
        var items = rubric.Items.ToArray();
        var sheets = s_targets.Select((target, n) => Scorer.Score(rubric, target,
            [.. items.Where((_, i) => (i + n) % 7 == 0).Select(i => (Finding)new ClauseFinding(i.Key, 1, i.Clauses[0].TakesCount ? 1 + n % 3 : 1))])).ToList();
        return new CampaignResults(rubric, sheets, new SheetHeading("2018年度县（市、区）安全生产工作责任目标考评", 2018));
    }

    private static byte[] Write(Action<Stream, CampaignResults> write)
    {
        using var output = new MemoryStream();
        write(output, Results());
        return output.ToArray();
    }

    [Fact]
    public void Ranking_IsValidAndRanksByTotalWithGrades()
    {
        using var document = SpreadsheetDocument.Open(new MemoryStream(Write(CampaignReports.WriteRanking)), false);

        Assert.Empty(new OpenXmlValidator().Validate(document, TestContext.Current.CancellationToken));
        var rows = document.WorkbookPart!.WorksheetParts.Single().Worksheet!.Descendants<DocumentFormat.OpenXml.Spreadsheet.Row>().Skip(2).ToList();
        Assert.Equal(9, rows.Count);
        var totals = rows.Select(r => decimal.Parse(r.Elements<DocumentFormat.OpenXml.Spreadsheet.Cell>().ElementAt(7).CellValue!.Text,
            System.Globalization.CultureInfo.InvariantCulture)).ToList();
        Assert.Equal(totals.OrderByDescending(t => t), totals);
        Assert.Contains(rows[0].Elements<DocumentFormat.OpenXml.Spreadsheet.Cell>().Last().InnerText, new[] { "优秀", "良好", "合格", "不合格" });
    }

    [Fact]
    public void Deductions_IsValidWithARowPerItem()
    {
        using var document = SpreadsheetDocument.Open(new MemoryStream(Write(CampaignReports.WriteDeductions)), false);

        Assert.Empty(new OpenXmlValidator().Validate(document, TestContext.Current.CancellationToken));
        Assert.Equal(2 + 43, document.WorkbookPart!.WorksheetParts.Single().Worksheet!.Descendants<DocumentFormat.OpenXml.Spreadsheet.Row>().Count());
    }

    [Fact]
    public void AllSheets_AreOneValidWorkbookPerTargetInOneZip()
    {
        using var zip = new ZipArchive(new MemoryStream(Write(CampaignReports.WriteAllSheets)));

        Assert.Equal(s_targets.Select(t => t + "-考评表.xlsx").Order(), zip.Entries.Select(e => e.FullName).Order());
        using var entry = zip.GetEntry("禹州市-考评表.xlsx")!.Open();
        using var copy = new MemoryStream();
        entry.CopyTo(copy);
        using var document = SpreadsheetDocument.Open(copy, false);
        Assert.Empty(new OpenXmlValidator().Validate(document, TestContext.Current.CancellationToken));
    }

    [Fact]
    public void RankingAndDeductions_OpenInLibreOffice()
    {
        foreach (var (name, write, expected) in new (string, Action<Stream, CampaignResults>, string)[]
        {
            ("ranking", CampaignReports.WriteRanking, "得分排名"),
            ("deductions", CampaignReports.WriteDeductions, "各项扣分统计"),
        })
        {
            var path = Path.Combine(Path.GetTempPath(), $"kaoping-{name}-" + Guid.NewGuid().ToString("N") + ".xlsx");
            File.WriteAllBytes(path, Write(write));

            var pdf = LibreOffice.Convert(path, "pdf");

            var start = new ProcessStartInfo("pdftotext", [pdf, "-"]) { RedirectStandardOutput = true };
            using var process = Process.Start(start)!;
            var text = process.StandardOutput.ReadToEnd();
            process.WaitForExit();
            Assert.Contains(expected, text);
            if (name == "ranking")
                Assert.All(s_targets, t => Assert.Contains(t, text));
        }
    }
}

public class CircularDocxWriterTests
{
    private static readonly string[] s_targets = ["禹州市", "长葛市", "鄢陵县", "襄城县", "魏都区", "建安区", "城乡一体化示范区", "东城区", "经济技术开发区"];

    private static byte[] Write(Action<Stream, CampaignResults> write)
    {
        var rubric = TextRubricReader.Read(File.ReadAllText(Path.Combine(AppContext.BaseDirectory, "rubrics", "2018-county-safety-rubric.txt")), "seed.txt");
        var items = rubric.Items.ToArray();
        var sheets = s_targets.Select((target, n) => Scorer.Score(rubric, target,
            [.. items.Where((_, i) => (i + n) % 5 == 0).Select(i => (Finding)new ClauseFinding(i.Key, 1, i.Clauses[0].TakesCount ? 2 : 1))])).ToList();
        using var output = new MemoryStream();
        write(output, new CampaignResults(rubric, sheets, new SheetHeading("2018年度县（市、区）安全生产工作责任目标考评", 2018)));
        return output.ToArray();
    }

    [Fact]
    public void Circular_IsValid_AndReadsAsAnOfficialCircular()
    {
        var bytes = Write((s, r) => CircularDocxWriter.WriteCircular(s, r));
        using var document = WordprocessingDocument.Open(new MemoryStream(bytes), false);

        Assert.Empty(new OpenXmlValidator().Validate(document, TestContext.Current.CancellationToken));
        var text = document.MainDocumentPart!.Document!.Body!.InnerText;
        Assert.Contains("关于2018年度县（市、区）安全生产工作责任目标考评结果的通报", text);
        Assert.Contains("一、考评结果", text);
        Assert.Contains("（一）得分排名", text);
        Assert.Contains("二、存在的主要问题", text);
        Assert.Contains("三、工作要求", text);
        Assert.All(s_targets, t => Assert.Contains(t, text));
    }

    [Fact]
    public void RankingAsWord_IsValid()
    {
        using var document = WordprocessingDocument.Open(new MemoryStream(Write(CircularDocxWriter.WriteRanking)), false);

        Assert.Empty(new OpenXmlValidator().Validate(document, TestContext.Current.CancellationToken));
        Assert.Equal(1 + 9, document.MainDocumentPart!.Document!.Body!.Descendants<TableRow>().Count());
    }

    [Fact]
    public void Circular_And_Ranking_OpenInLibreOffice()
    {
        foreach (var (name, write) in new (string, Action<Stream, CampaignResults>)[] { ("circular", (s, r) => CircularDocxWriter.WriteCircular(s, r)),
            ("ranking", CircularDocxWriter.WriteRanking) })
        {
            var path = Path.Combine(Path.GetTempPath(), $"kaoping-{name}-" + Guid.NewGuid().ToString("N") + ".docx");
            File.WriteAllBytes(path, Write(write));

            var pdf = LibreOffice.Convert(path, "pdf");

            var start = new ProcessStartInfo("pdftotext", [pdf, "-"]) { RedirectStandardOutput = true };
            using var process = Process.Start(start)!;
            var text = process.StandardOutput.ReadToEnd();
            process.WaitForExit();
            Assert.All(s_targets, t => Assert.Contains(t, text));
        }
    }
}
