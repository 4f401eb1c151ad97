using System.Diagnostics;
using DocumentFormat.OpenXml.Packaging;
using DocumentFormat.OpenXml.Spreadsheet;
using DocumentFormat.OpenXml.Validation;
using Kaoping.Documents.Sheets;
using Kaoping.Rubrics;
using Kaoping.Scoring;

namespace Kaoping.Documents.Tests.Sheets;

public class SheetXlsxWriterTests
{
    private static byte[] Xlsx()
    {
        var rubric = TextRubricReader.Read(File.ReadAllText(Path.Combine(AppContext.BaseDirectory, "rubrics", "2018-county-safety-rubric.txt")), "seed.txt");
        using var findings = File.OpenRead(Path.Combine(AppContext.BaseDirectory, "samples", "findings-yuzhou.json"));
        var score = Scorer.Score(rubric, FindingsJson.Read(findings, "findings-yuzhou.json", rubric));
        using var output = new MemoryStream();
        SheetXlsxWriter.Write(output, rubric, score, new SheetHeading("2018年度县（市、区）安全生产工作责任目标考评", 2018));
        return output.ToArray();
    }

    [Fact]
    public void Write_PassesTheOpenXmlValidatorWithoutErrors()
    {
        using var document = SpreadsheetDocument.Open(new MemoryStream(Xlsx()), false);

        var errors = new OpenXmlValidator().Validate(document, TestContext.Current.CancellationToken).Select(e => $"{e.Path?.XPath}: {e.Description}").ToList();

        Assert.Empty(errors);
    }

    [Fact]
    public void Write_MergesLikeTheOriginal_NumbersAsNumbers_TotalRow_PrintSettings()
    {
        using var document = SpreadsheetDocument.Open(new MemoryStream(Xlsx()), false);
        var worksheet = document.WorkbookPart!.WorksheetParts.Single().Worksheet!;
        var merges = worksheet.Descendants<MergeCell>().Select(m => m.Reference!.Value!).ToList();
        var cells = worksheet.Descendants<Cell>().ToDictionary(c => c.CellReference!.Value!);

        Assert.Contains("A4:A15", merges);  // 一、责任落实 over its 12 items
        Assert.Contains("B4:B8", merges);   // 党委政府领导责任 over its 5 items
        Assert.Equal(CellValues.Number, cells["F5"].DataType!.Value);
        Assert.Equal("0", cells["F5"].CellValue!.Text); // 1.1.2 lost its point
        Assert.Equal("33.5", cells["F47"].CellValue!.Text);
        Assert.Equal("40", cells["E47"].CellValue!.Text);
        var setup = worksheet.Descendants<PageSetup>().Single();
        Assert.Equal(9u, setup.PaperSize!.Value);
        Assert.Equal(1u, setup.FitToWidth!.Value);
        Assert.Equal("'考评表'!$3:$3", document.WorkbookPart.Workbook!.Descendants<DefinedName>().Single(d => d.Name == "_xlnm.Print_Titles").Text);
    }

    [Fact]
    public void Write_OpensInLibreOffice_AndThePdfCarriesTheTargetCategoriesAndTotal()
    {
        var path = Path.Combine(Path.GetTempPath(), "kaoping-sheet-" + Guid.NewGuid().ToString("N") + ".xlsx");
        File.WriteAllBytes(path, Xlsx());

        var pdf = LibreOffice.Convert(path, "pdf");

        var start = new ProcessStartInfo("pdftotext", [pdf, "-"]) { RedirectStandardOutput = true };
        using var process = Process.Start(start)!;
        var text = process.StandardOutput.ReadToEnd().Replace(" ", "", StringComparison.Ordinal).Replace("\n", "", StringComparison.Ordinal);
        process.WaitForExit();
        Assert.Contains("禹州市", text);
        foreach (var category in new[] { "责任落实", "依法治理", "基础建设", "重点工作落实", "应急管理" })
            Assert.Contains(category, text);
        Assert.Contains("33.5", text);
    }
}
