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
}
