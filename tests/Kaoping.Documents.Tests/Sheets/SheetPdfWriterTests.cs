using System.Diagnostics;
using Kaoping.Documents.Pdf;
using Kaoping.Documents.Sheets;
using Kaoping.Rubrics;
using Kaoping.Scoring;

namespace Kaoping.Documents.Tests.Sheets;

public class SheetPdfWriterTests
{
    private static string WritePdf()
    {
        var rubric = TextRubricReader.Read(File.ReadAllText(Path.Combine(AppContext.BaseDirectory, "rubrics", "2018-county-safety-rubric.txt")), "seed.txt");
        using var findings = File.OpenRead(Path.Combine(AppContext.BaseDirectory, "samples", "findings-yuzhou.json"));
        var score = Scorer.Score(rubric, FindingsJson.Read(findings, "findings-yuzhou.json", rubric));
        var path = Path.Combine(Path.GetTempPath(), "kaoping-sheet-" + Guid.NewGuid().ToString("N") + ".pdf");
        using (var output = File.Create(path))
            SheetPdfWriter.Write(output, rubric, score, new SheetHeading("2018年度县（市、区）安全生产工作责任目标考评", 2018));
        return path;
    }

    private static string Run(string tool, params string[] args)
    {
        var start = new ProcessStartInfo(tool, args) { RedirectStandardOutput = true };
        using var process = Process.Start(start)!;
        var text = process.StandardOutput.ReadToEnd();
        process.WaitForExit();
        return text;
    }

    [Fact]
    public void Write_TheTextIsEmbeddedAndExtractable()
    {
        var pdf = WritePdf();

        var text = Run("pdftotext", pdf, "-").Replace(" ", "", StringComparison.Ordinal).Replace("\n", "", StringComparison.Ordinal);
        var fonts = Run("pdffonts", pdf);

        Assert.Contains("禹州市", text);
        foreach (var category in new[] { "责任落实", "依法治理", "基础建设", "重点工作落实", "应急管理" })
            Assert.Contains(category, text);
        Assert.Contains("合计得分：33.5分（满分40分）", text);
        Assert.Contains("少3次，扣1.5分；已扣完此项分值（1分）", text);
        Assert.Contains(" yes ", fonts); // embedded
    }

    [Fact]
    public void Write_RepeatsTheHeaderRowOnEveryPage()
    {
        var pdf = WritePdf();

        var pages = int.Parse(Run("pdfinfo", pdf).Split('\n').Single(l => l.StartsWith("Pages:", StringComparison.Ordinal))[6..].Trim(),
            System.Globalization.CultureInfo.InvariantCulture);
        var pageTexts = Enumerable.Range(1, pages).Select(p => Run("pdftotext", "-f", p.ToString(System.Globalization.CultureInfo.InvariantCulture), "-l",
            p.ToString(System.Globalization.CultureInfo.InvariantCulture), pdf, "-")).ToList();

        Assert.True(pages > 1, "the sheet runs over several pages");
        // every page that carries rows of the table starts them with the header row
        Assert.All(pageTexts.Where(t => t.Contains("查阅", StringComparison.Ordinal)), t => Assert.Contains("考评内容及要求", t));
        // a category cut by a page break shows its name again on the next page
        Assert.All(pageTexts.Skip(1).Where(t => t.Contains("查阅", StringComparison.Ordinal)), t => Assert.Contains("得分：", t));
    }
}
