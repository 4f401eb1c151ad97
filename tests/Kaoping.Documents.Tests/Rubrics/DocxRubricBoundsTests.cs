using Kaoping.Documents.Rubrics;
using Kaoping.Rubrics;

namespace Kaoping.Documents.Tests.Rubrics;

/// <summary>Word files built to exhaust the reader: each is refused with a message naming the place, and the process lives on.</summary>
public class DocxRubricBoundsTests
{
    private static RubricFormatException Refused(byte[] docx, string name) =>
        Assert.Throws<RubricFormatException>(() => DocxRubricReader.Read(new MemoryStream(docx), name));

    private static string Nested(string element, int depth) =>
        string.Concat(Enumerable.Repeat("<w:" + element + ">", depth)) + string.Concat(Enumerable.Repeat("</w:" + element + ">", depth));

    // The security test's file: 3.7 KB that overflowed the stack and ended the server.
    [Fact]
    public void Read_200000NestedRuns_IsRefusedNamingThePlace()
    {
        var docx = new DocxBuilder().Raw("<w:p>" + Nested("r", 200_000) + "</w:p>").Build();
        Assert.True(docx.Length < 16 * 1024, docx.Length + " bytes");

        var error = Refused(docx, "nested.docx");

        Assert.StartsWith("nested.docx", error.Text.Zh);
        Assert.Contains("嵌套", error.Text.Zh);
        Assert.Contains("word/document.xml", error.Text.Zh);
        Assert.Contains("nested", error.Text.En);
    }

    // Each span became that many empty cells: 2,000,000,000 of them.
    [Fact]
    public void Read_ACellSpanningTwoBillionColumns_IsRefusedNamingTheRow()
    {
        var docx = new DocxBuilder().Table([["指标", "类别"], [new DocxCell(["a"], Span: 2_000_000_000)]]).Build();

        var error = Refused(docx, "span.docx");

        Assert.Equal("span.docx：表1第2行超过64列，拒绝读取。", error.Text.Zh);
    }

    [Fact]
    public void Read_AZipOfManyEntries_IsRefused()
    {
        using var buffer = new MemoryStream();
        using (var zip = new System.IO.Compression.ZipArchive(buffer, System.IO.Compression.ZipArchiveMode.Create, leaveOpen: true))
        {
            for (var i = 0; i < 1001; i++)
                zip.CreateEntry("word/part" + i + ".xml");
        }

        var error = Refused(buffer.ToArray(), "many.docx");

        Assert.Equal("many.docx：压缩包中有1001个文件，超过1000个的上限。", error.Text.Zh);
    }

    [Fact]
    public void Read_ADeclaredSizeThatLies_IsCountedAsItUnpacks()
    {
        var docx = new DocxBuilder().Raw("<w:p><w:r><w:t>" + new string('分', 3 * 1024 * 1024) + "</w:t></w:r></w:p>").Build();

        var error = Assert.Throws<RubricFormatException>(
            () => DocxRubricReader.Read(new MemoryStream(docx), "big.docx", maxUncompressedBytes: 4 * 1024 * 1024));

        Assert.Contains("解压后超过4 MB", error.Text.Zh);
    }

    [Fact]
    public void Read_ADocumentTypeDefinition_IsRefused()
    {
        var docx = new DocxBuilder().Raw("<w:p/>").Build();
        var withDtd = ReplaceDocument(docx, xml => xml.Replace("<w:document", "<!DOCTYPE w:document [<!ENTITY a \"aaaa\">]><w:document"));

        var error = Refused(withDtd, "dtd.docx");

        Assert.Contains("不是有效的 XML", error.Text.Zh);
    }

    private static byte[] ReplaceDocument(byte[] docx, Func<string, string> change)
    {
        using var buffer = new MemoryStream();
        buffer.Write(docx);
        using (var zip = new System.IO.Compression.ZipArchive(buffer, System.IO.Compression.ZipArchiveMode.Update, leaveOpen: true))
        {
            var entry = zip.GetEntry("word/document.xml")!;
            string xml;
            using (var reader = new StreamReader(entry.Open()))
                xml = reader.ReadToEnd();
            entry.Delete();
            using var writer = new StreamWriter(zip.CreateEntry("word/document.xml").Open());
            writer.Write(change(xml));
        }
        return buffer.ToArray();
    }
}
