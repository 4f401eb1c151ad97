using System.Diagnostics;
using DocumentFormat.OpenXml.Packaging;
using DocumentFormat.OpenXml.Validation;
using Kaoping.Documents.Sheets;
using Kaoping.Rubrics;
using Kaoping.Scoring;

namespace Kaoping.Documents.Tests.Sheets;

public class SheetDocxWriterTests
{
    private static (Rubric Rubric, SheetScore Score) Yuzhou()
    {
        var rubric = TextRubricReader.Read(File.ReadAllText(Path.Combine(AppContext.BaseDirectory, "rubrics", "2018-county-safety-rubric.txt")), "seed.txt");
        using var findings = File.OpenRead(Path.Combine(AppContext.BaseDirectory, "samples", "findings-yuzhou.json"));
        return (rubric, Scorer.Score(rubric, FindingsJson.Read(findings, "findings-yuzhou.json", rubric)));
    }

    private static byte[] Docx()
    {
        var (rubric, score) = Yuzhou();
        using var output = new MemoryStream();
        SheetDocxWriter.Write(output, rubric, score, new SheetHeading("2018年度县（市、区）安全生产工作责任目标考评", 2018));
        return output.ToArray();
    }

    [Fact]
    public void Write_PassesTheOpenXmlValidatorWithoutErrors()
    {
        using var document = WordprocessingDocument.Open(new MemoryStream(Docx()), false);

        var errors = new OpenXmlValidator().Validate(document, TestContext.Current.CancellationToken).Select(e => $"{e.Path?.XPath}: {e.Description}").ToList();

        Assert.Empty(errors);
    }

    [Fact]
    public void Write_HasTheSixColumnsTheHeaderRepeatedAndRowsKeptWhole()
    {
        using var document = WordprocessingDocument.Open(new MemoryStream(Docx()), false);
        var table = document.MainDocumentPart!.Document!.Body!.Elements<DocumentFormat.OpenXml.Wordprocessing.Table>().Single();
        var rows = table.Elements<DocumentFormat.OpenXml.Wordprocessing.TableRow>().ToList();

        Assert.Equal(44, rows.Count); // header + 43 items
        Assert.Equal(["指标", "类别", "考评内容及要求", "考评标准", "分值", "扣分及原因"],
            rows[0].Elements<DocumentFormat.OpenXml.Wordprocessing.TableCell>().Select(c => c.InnerText));
        Assert.NotNull(rows[0].TableRowProperties!.GetFirstChild<DocumentFormat.OpenXml.Wordprocessing.TableHeader>());
        Assert.All(rows, r => Assert.NotNull(r.TableRowProperties!.GetFirstChild<DocumentFormat.OpenXml.Wordprocessing.CantSplit>()));
        Assert.Contains("扣1分，得0分。少3次，扣1.5分；已扣完此项分值（1分）", rows[2].InnerText);
    }

    [Fact]
    public void Write_OpensInLibreOffice_AndThePdfCarriesTheTargetCategoriesAndTotal()
    {
        var path = Path.Combine(Path.GetTempPath(), "kaoping-sheet-" + Guid.NewGuid().ToString("N") + ".docx");
        File.WriteAllBytes(path, Docx());

        var pdf = LibreOffice.Convert(path, "pdf");
        var text = PdfText(pdf);

        Assert.Contains("禹州市", text);
        foreach (var category in new[] { "责任落实", "依法治理", "基础建设", "重点工作落实", "应急管理" })
            Assert.Contains(category, text);
        Assert.Contains("合计得分：33.5分", text);
    }

    private static string PdfText(string pdf)
    {
        var start = new ProcessStartInfo("pdftotext", [pdf, "-"]) { RedirectStandardOutput = true };
        using var process = Process.Start(start)!;
        var text = process.StandardOutput.ReadToEnd();
        process.WaitForExit();
        return text.Replace(" ", "", StringComparison.Ordinal).Replace("\n", "", StringComparison.Ordinal);
    }
}
