using BenchmarkDotNet.Attributes;
using Kaoping.Documents.Rubrics;
using Kaoping.Documents.Sheets;
using Kaoping.Rubrics;
using Kaoping.Scoring;

namespace Kaoping.Benchmarks;

/// <summary>The seed rubric read from Word (target: ≤ 30 ms); one filled sheet as Word and Excel (≤ 50 ms each) and PDF (≤ 150 ms).</summary>
[MemoryDiagnoser]
public class DocumentBenchmarks
{
    private Rubric _rubric = null!;
    private SheetScore _score = null!;
    private byte[] _rubricDocx = [];

    [GlobalSetup]
    public void Setup()
    {
        _rubric = BuiltInRubrics.Load();
        var key = new ItemKey(1, 1, 2);
        _score = Scorer.Score(_rubric, "禹州市", [new ClauseFinding(key, 1, 3), new ClauseFinding(new ItemKey(3, 2, 2), 2)]);
        using var docx = new MemoryStream();
        SheetDocxWriter.WriteRubric(docx, _rubric);
        _rubricDocx = docx.ToArray();
    }

    [Benchmark]
    public Rubric ImportSeedDocx() => DocxRubricReader.Read(new MemoryStream(_rubricDocx), "seed.docx");

    [Benchmark]
    public long WriteSheetXlsx()
    {
        using var output = new MemoryStream();
        SheetXlsxWriter.Write(output, _rubric, _score, new SheetHeading("2018年度考评", 2018));
        return output.Length;
    }

    [Benchmark]
    public long WriteSheetPdf()
    {
        using var output = new MemoryStream();
        Kaoping.Documents.Pdf.SheetPdfWriter.Write(output, _rubric, _score, new SheetHeading("2018年度考评", 2018));
        return output.Length;
    }

    [Benchmark]
    public long WriteSheetDocx()
    {
        using var output = new MemoryStream();
        SheetDocxWriter.Write(output, _rubric, _score, new SheetHeading("2018年度考评", 2018));
        return output.Length;
    }
}
