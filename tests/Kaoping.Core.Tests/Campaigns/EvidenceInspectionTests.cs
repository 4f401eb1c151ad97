using System.IO.Compression;
using System.Text;
using Kaoping.Campaigns;
using Kaoping.Text;

namespace Kaoping.Core.Tests.Campaigns;

public class EvidenceInspectionTests
{
    private static EvidenceKind Inspect(byte[] bytes) => EvidenceInspection.Inspect(new MemoryStream(bytes), "台账.docx");

    private static InvalidInputException Refused(byte[] bytes) => Assert.Throws<InvalidInputException>(() => Inspect(bytes));

    private static byte[] Office(string main, params (string Name, byte[] Content)[] more)
    {
        using var buffer = new MemoryStream();
        using (var zip = new ZipArchive(buffer, ZipArchiveMode.Create, leaveOpen: true))
        {
            (string, byte[])[] parts = [("[Content_Types].xml", "<Types/>"u8.ToArray()), (main, "<x/>"u8.ToArray()), .. more];
            foreach (var (name, content) in parts)
            {
                using var stream = zip.CreateEntry(name, CompressionLevel.SmallestSize).Open();
                stream.Write(content);
            }
        }
        return buffer.ToArray();
    }

    // A PDF 1.5 whose objects sit in a compressed object stream, the place a script could hide.
    private static byte[] PdfWithObjectStream(string objects = "1 0 <</Type/Catalog/Pages 2 0 R>>")
    {
        using var packed = new MemoryStream();
        using (var zlib = new ZLibStream(packed, CompressionLevel.Optimal, leaveOpen: true))
            zlib.Write(Encoding.ASCII.GetBytes(objects));
        var head = Encoding.ASCII.GetBytes($"%PDF-1.5\n3 0 obj<</Type/ObjStm/N 1/First 4/Filter/FlateDecode/Length {packed.Length}>>stream\n");
        return [.. head, .. packed.ToArray(), .. Encoding.ASCII.GetBytes("\nendstream endobj\ntrailer<</Root 1 0 R>>\n%%EOF\n")];
    }

    private static byte[] Pdf(string body) => Encoding.ASCII.GetBytes("%PDF-1.4\n" + body + "\ntrailer<</Root 1 0 R>>\n%%EOF\n");

    [Fact]
    public void PlainOfficeFiles_WithPrinterSettings_AreKept()
    {
        Assert.Equal(EvidenceKind.Docx, Inspect(Office("word/document.xml", ("word/media/image1.png", [0x89, 0x50]))));
        Assert.Equal(EvidenceKind.Xlsx, Inspect(Office("xl/workbook.xml", ("xl/printerSettings/printerSettings1.bin", [0, 1, 2]))));
    }

    [Theory]
    [InlineData("word/vbaProject.bin")]
    [InlineData("word/embeddings/oleObject1.bin")]
    [InlineData("word/activeX/activeX1.xml")]
    [InlineData("word/media/setup.exe")]
    public void OfficeFiles_WithMacrosProgramsOrObjects_AreRefusedNamingThePart(string part)
    {
        var error = Refused(Office("word/document.xml", (part, [1, 2, 3])));

        Assert.StartsWith("台账.docx", error.Text.Zh);
        Assert.Contains("“" + part + "”", error.Text.Zh);
        Assert.Contains("macro, a program or an embedded object", error.Text.En);
    }

    [Fact]
    public void AProgramUnderAnImagesName_IsRefused()
    {
        var error = Refused(Office("xl/workbook.xml", ("xl/media/image1.png", [(byte)'M', (byte)'Z', 0x90, 0, 3])));

        Assert.Contains("xl/media/image1.png", error.Text.Zh);
    }

    [Fact]
    public void AMacroEnabledWorkbookRenamed_IsRefusedByItsContentTypes()
    {
        var types = "<Types><Override PartName=\"/xl/workbook.xml\" ContentType=\"application/vnd.ms-excel.sheet.macroEnabled.main+xml\"/></Types>"u8.ToArray();
        var renamed = OfficeWithContentTypes("xl/workbook.xml", types);

        var error = Refused(renamed);

        Assert.Contains("[Content_Types].xml", error.Text.Zh);
    }

    private static byte[] OfficeWithContentTypes(string main, byte[] types)
    {
        using var buffer = new MemoryStream();
        using (var zip = new ZipArchive(buffer, ZipArchiveMode.Create, leaveOpen: true))
        {
            foreach (var (name, content) in new[] { ("[Content_Types].xml", types), (main, "<x/>"u8.ToArray()) })
            {
                using var stream = zip.CreateEntry(name).Open();
                stream.Write(content);
            }
        }
        return buffer.ToArray();
    }

    [Fact]
    public void AnOfficeBomb_IsRefusedNamingTheEntry_WithoutUnpackingIt()
    {
        var bomb = Office("word/document.xml", ("word/media/image2.png", new byte[16 * 1024 * 1024]));
        var before = GC.GetAllocatedBytesForCurrentThread();

        var error = Refused(bomb);

        Assert.Contains("word/media/image2.png", error.Text.Zh);
        Assert.Contains("压缩炸弹", error.Text.Zh);
        Assert.True(GC.GetAllocatedBytesForCurrentThread() - before < 8 * 1024 * 1024, "memory stays bounded");
    }

    [Theory]
    [InlineData("1 0 obj<</Type/Catalog/OpenAction<</S/JavaScript/JS(app.alert(1))>>>>endobj", "JavaScript")]
    [InlineData("1 0 obj<</Type/Catalog/OpenAction<</S/J#61vaScript/J#53 2 0 R>>>>endobj", "JavaScript")]
    [InlineData("1 0 obj<</Type/Catalog/OpenAction<</S/Launch/F(cmd.exe)>>>>endobj", "/Launch")]
    [InlineData("1 0 obj<</Type/Catalog/Names<</EmbeddedFiles 3 0 R>>>>endobj", "EmbeddedFiles")]
    public void PdfsThatRunOrCarrySomething_AreRefused(string body, string what)
    {
        var error = Assert.Throws<InvalidInputException>(() => EvidenceInspection.Inspect(new MemoryStream(Pdf(body)), "整改.pdf"));

        Assert.StartsWith("整改.pdf", error.Text.Zh);
        Assert.Contains(what, error.Text.Zh);
    }

    [Fact]
    public void AScriptInACompressedObjectStream_IsFound()
    {
        var pdf = PdfWithObjectStream("1 0 <</Type/Catalog/OpenAction 2 0 R>> 2 0 <</S/JavaScript/JS(app.alert(1))>>");

        var error = Assert.Throws<InvalidInputException>(() => EvidenceInspection.Inspect(new MemoryStream(pdf), "a.pdf"));

        Assert.Contains("JavaScript", error.Text.En);
    }

    [Fact]
    public void APlainPdf_AndOneWhoseStreamDataHappensToHoldJs_AreKept()
    {
        Assert.Equal(EvidenceKind.Pdf, Inspect(PdfWithObjectStream()));
        var binary = Pdf("4 0 obj<</Length 12/Filter/DCTDecode>>stream\n\u00FF\u00D8/JS \u00FF\u00D9\nendstream endobj");
        Assert.Equal(EvidenceKind.Pdf, Inspect(binary));
    }

    [Fact]
    public void AnObjectStreamThatCannotBeUnpacked_IsRefused()
    {
        var pdf = Pdf("3 0 obj<</Type/ObjStm/N 1/First 4/Filter/FlateDecode/Length 8>>stream\nnotzlib!\nendstream endobj");

        var error = Refused(pdf);

        Assert.Contains("对象流无法解压", error.Text.Zh);
    }

    // Found by the long fuzzing run: a zlib header with a bad block made zlib throw ZLibException, which is no InvalidDataException.
    [Fact]
    public void AnObjectStreamThatZlibRejects_IsRefused()
    {
        var pdf = Convert.FromBase64String(
            "JVBERi0xLjUKMyAwIG9iajw8L1R5cGUvT2JqU3RtL04gMS9GaXJzdCA0L0ZpbHRlci9GbGF0ZURlY29kZS9MZW5ndGggNDE+PnN0cmVhbQp4IG9iaiCcM1QwULCx0Q+p" +
            "LEjVd04sSczJT9cPSExPLVYwUjBQCLKzAwCgxQmECmVuZHN0cmVhbSBlbmRvYmoKdHJhaWxlcjw8L1Jvb3QgMSAwIFI+PgolJUVPRgo=");

        var error = Refused(pdf);

        Assert.Contains("对象流无法解压", error.Text.Zh);
    }

    [Fact]
    public void AnOldWordFileWithMacros_IsRefused()
    {
        var doc = new byte[2048];
        new byte[] { 0xD0, 0xCF, 0x11, 0xE0, 0xA1, 0xB1, 0x1A, 0xE1 }.CopyTo(doc, 0);
        Encoding.Unicode.GetBytes("WordDocument\0").CopyTo(doc, 1024);
        Assert.Equal(EvidenceKind.Doc, Inspect(doc));
        Encoding.Unicode.GetBytes("Macros\0").CopyTo(doc, 1152);

        Assert.Contains("“Macros”", Refused(doc).Text.Zh);
    }

    [Theory]
    [InlineData("照片\u202Egpj.exe", 0x202E)]
    [InlineData("\u2067报告.pdf", 0x2067)]
    [InlineData("a\u200Fb.pdf", 0x200F)]
    public void NamesWithBidiControls_AreNamedAsSuch(string name, int control)
    {
        var problem = EvidenceInspection.NameProblem(name);

        Assert.NotNull(problem);
        Assert.Contains($"U+{control:X4}", problem.Zh);
        Assert.DoesNotContain((char)control, problem.Zh);
    }

    [Fact]
    public void OrdinaryNames_HaveNoProblem()
    {
        Assert.Null(EvidenceInspection.NameProblem("会议纪要（2018）.pdf"));
        Assert.Null(EvidenceInspection.NameProblem(null));
    }
}
