using System.Text;
using CsCheck;
using Kaoping.Campaigns;
using Kaoping.Documents.Pdf;
using Kaoping.Documents.Rubrics;
using Kaoping.Documents.Sheets;
using Kaoping.Rubrics;
using Kaoping.Schemes;
using Kaoping.Scoring;
using Kaoping.Text;

namespace Kaoping.Fuzzing;

/// <summary>A reader of untrusted bytes, its mutated inputs, and how it is called (as the web app and the CLI call it).</summary>
public sealed record FuzzTarget(string Name, Gen<byte[]> Inputs, Action<byte[]> Read);

/// <summary>
/// The readers with their seeds: the 2018 rubric as text and as Word, evidence files of every kind, the sample findings,
/// the sample scheme and its targets.
/// </summary>
public static class FuzzTargets
{
    private static byte[][] Tokens(params string[] tokens) => [.. tokens.Select(Encoding.UTF8.GetBytes)];

    public static IReadOnlyList<FuzzTarget> All(string seedDirectory)
    {
        var text = File.ReadAllBytes(Path.Combine(seedDirectory, "rubrics", "2018-county-safety-rubric.txt"));
        var rubric = TextRubricReader.Read(new MemoryStream(text), "seed.txt");
        var findings = File.ReadAllBytes(Path.Combine(seedDirectory, "samples", "findings-yuzhou.json"));
        var score = Scorer.Score(rubric, FindingsJson.Read(new MemoryStream(findings), "findings.json", rubric));
        var heading = new SheetHeading("2018年度考核", 2018);
        byte[] Written(Action<Stream> write)
        {
            using var output = new MemoryStream();
            write(output);
            return output.ToArray();
        }
        var docx = Written(o => SheetDocxWriter.WriteRubric(o, rubric));
        var sheetDocx = Written(o => SheetDocxWriter.Write(o, rubric, score, heading));
        var xlsx = Written(o => SheetXlsxWriter.Write(o, rubric, score, heading));
        var pdf = Written(o => SheetPdfWriter.Write(o, rubric, score, heading));
        var png = Convert.FromBase64String("iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mP8z8BQDwAEhQGAhKmMIQAAAABJRU5ErkJggg==");
        var smallPdf = Encoding.ASCII.GetBytes("%PDF-1.5\n1 0 obj<</Type/Catalog/Pages 2 0 R>>endobj\n2 0 obj<</Type/Pages/Kids[]/Count 0>>endobj\n" +
            "3 0 obj<</Type/ObjStm/N 1/First 4/Filter/FlateDecode/Length 0>>stream\n\nendstream endobj\ntrailer<</Root 1 0 R>>\n%%EOF\n");
        var ole = new byte[1536];
        new byte[] { 0xD0, 0xCF, 0x11, 0xE0, 0xA1, 0xB1, 0x1A, 0xE1 }.CopyTo(ole, 0);
        Encoding.Unicode.GetBytes("WordDocument\0").CopyTo(ole, 1024);

        var textTokens = Tokens("\t", "\n", "\r\n", "分", "扣", "0.5", "一", "；", "\uFEFF", "\0", "（1）", "每", "次", "不得分", "扣1分",
            "指标\t类别\t考评内容及要求\t考评标准\t分值\t扣分及原因\n", "\t\t\t\t\t\n", "1.", "、", "\u00FF\u00FE", "共", "最多扣", "，", "。");
        var xmlTokens = Tokens("<w:r>", "</w:r>", "<w:p>", "</w:p>", "<w:tbl>", "</w:tbl>", "<w:tr>", "</w:tr>", "<w:tc>", "</w:tc>", "<w:t>", "</w:t>",
            "<w:gridSpan w:val=\"2000000000\"/>", "<w:gridBefore w:val=\"64\"/>", "<w:vMerge/>", "<!DOCTYPE d [<!ENTITY a \"aaaaaaaa\">]>", "&a;",
            "<![CDATA[", "<w:tab/>", "<w:br/>", "\"", "&#0;", "<?xml version=\"1.0\" encoding=\"utf-16\"?>",
            "<w:tc><w:p><w:r><w:t>分</w:t></w:r></w:p></w:tc>", "\t");
        var zipNames = new[] { "word/document.xml", "[Content_Types].xml", "word/vbaProject.bin", "xl/workbook.xml", "word/embeddings/oleObject1.bin",
            "xl/media/image1.exe", "../../evil.xml", "word/", "xl/printerSettings/printerSettings1.bin", "customXml/item1.xml" };
        var pdfTokens = Tokens("%PDF-", "/JavaScript", "/JS", "/Launch", "/J#61vaScript", "stream\n", "stream\r\n", "endstream", "/ObjStm",
            "/FlateDecode", "/ASCIIHexDecode", " obj ", "<<", ">>", "/", "#", "PK\u0003\u0004", "MZ", "/EmbeddedFiles", "(", ")");
        var jsonTokens = Tokens("[", "]", "{", "}", "\"item\":", "\"clause\":", "\"count\":", "\"deduction\":", "\"reason\":", ",", "1e400", "-1",
            "0.0000000000000000000000000001", "\"1.1.1\"", "null", "\"\\u0000\"", "/*", "99999999999999999999999999999", "{\"item\":\"1.1.2\",\"clause\":1},",
            "\"target\":", "\"\\ud800\"", "\"4.6.1\"", "true", "1.5", "\"9.9.9\"");

        return
        [
            new("text rubric", Mutations.Bytes([text], textTokens), input => TextRubricReader.Read(new MemoryStream(input), "fuzz.txt")),
            new("word rubric", Gen.Frequency((3, Mutations.Zip([docx, sheetDocx], xmlTokens, zipNames)), (1, Mutations.Bytes([docx], xmlTokens))),
                input => DocxRubricReader.Read(new MemoryStream(input), "fuzz.docx")),
            new("evidence", Gen.Frequency((2, Mutations.Zip([sheetDocx, xlsx], xmlTokens.Concat(pdfTokens).ToArray(), zipNames)),
                    (2, Mutations.Bytes([pdf, smallPdf, EvidenceSeeds.PdfWithObjectStream()], pdfTokens)), (1, Mutations.Bytes([png, ole], pdfTokens))),
                input => EvidenceInspection.Inspect(new MemoryStream(input), "fuzz.bin")),
            new("findings json", Mutations.Bytes([findings], jsonTokens), input => FindingsJson.Read(new MemoryStream(input), "fuzz.json", rubric)),
            .. SchemeTargets(seedDirectory, jsonTokens),
        ];
    }

    /// <summary>The scheme file and the targets of <c>kaoping result</c>/<c>rank</c> (and of <c>POST /api/schemes</c>).</summary>
    private static FuzzTarget[] SchemeTargets(string seedDirectory, byte[][] jsonTokens)
    {
        var folder = Path.Combine(seedDirectory, "samples", "scheme");
        var rubrics = new Dictionary<string, Rubric>
        {
            ["accidents.txt"] = TextRubricReader.Read(File.OpenRead(Path.Combine(folder, "accidents.txt")), "accidents.txt"),
            ["bonus.txt"] = TextRubricReader.Read(File.OpenRead(Path.Combine(folder, "bonus.txt")), "bonus.txt"),
            [BuiltInRubrics.Prefix + BuiltInRubrics.County2018] = BuiltInRubrics.Load(),
        };
        Rubric Open(string name) => rubrics.TryGetValue(name, out var found) ? found
            : throw new InvalidInputException(LocalizedText.Format("找不到细则“{0}”。", "no rubric “{0}”.", name));
        var schemeFile = File.ReadAllBytes(Path.Combine(folder, "scheme.json"));
        var scheme = SchemeJson.Read(new MemoryStream(schemeFile), "scheme.json", Open);
        var schemeTokens = jsonTokens.Concat(Tokens("\"parts\":", "\"points\":", "\"rubric\":", "\"builtin:2018-county-safety-rubric\"",
            "\"accidents.txt\"", "\"quota\":", "\"below\":", "\"min\":", "\"tieBreakers\":", "\"notApplicable\":", "\"rescale\"", "\"full\"",
            "\"vetoes\":", "\"major\"", "\"work\"", "\"accidents\"", "\"cap\":", "0.3", "60", "100")).ToArray();
        return
        [
            new("scheme json", Mutations.Bytes([schemeFile], schemeTokens), input => SchemeJson.Read(new MemoryStream(input), "fuzz.json", Open)),
            // Read, then scored and ranked as the CLI does: a target that reads may still be refused while scoring.
            new("target json", Mutations.Bytes([File.ReadAllBytes(Path.Combine(folder, "target-yuzhou.json"))], schemeTokens),
                input => SchemeResult.Of(scheme, TargetJson.Read(new MemoryStream(input), "fuzz.json", scheme))),
            new("targets json", Mutations.Bytes([File.ReadAllBytes(Path.Combine(folder, "targets.json"))], schemeTokens),
                input => SchemeRanking.Rank(scheme, [.. TargetJson.ReadList(new MemoryStream(input), "fuzz.json", scheme)
                    .Select(t => SchemeResult.Of(scheme, t))])),
        ];
    }
}

/// <summary>Evidence seeds no writer of ours makes.</summary>
public static class EvidenceSeeds
{
    /// <summary>A PDF 1.5 whose catalog sits in a compressed object stream, the place a script could hide.</summary>
    public static byte[] PdfWithObjectStream(string objects = "1 0 <</Type/Catalog/Pages 2 0 R>>")
    {
        using var packed = new MemoryStream();
        using (var zlib = new System.IO.Compression.ZLibStream(packed, System.IO.Compression.CompressionLevel.Optimal, leaveOpen: true))
            zlib.Write(Encoding.ASCII.GetBytes(objects));
        var head = Encoding.ASCII.GetBytes($"%PDF-1.5\n3 0 obj<</Type/ObjStm/N 1/First 4/Filter/FlateDecode/Length {packed.Length}>>stream\n");
        var tail = Encoding.ASCII.GetBytes("\nendstream endobj\ntrailer<</Root 1 0 R>>\n%%EOF\n");
        return [.. head, .. packed.ToArray(), .. tail];
    }
}
