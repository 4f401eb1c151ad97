using System.IO.Compression;
using System.Security;
using System.Text;
using Kaoping.Rubrics;

namespace Kaoping.Documents.Tests.Rubrics;

/// <summary>A cell of a test table: its paragraphs, how many grid columns it spans, and its vertical merge.</summary>
internal sealed record DocxCell(string[] Paragraphs, int Span = 1, string? VMerge = null)
{
    public static implicit operator DocxCell(string text) => new(text.Length == 0 ? [] : text.Split('\n'));
}

/// <summary>Our own minimal .docx writer for test documents: paragraphs and tables with merged cells.</summary>
internal sealed class DocxBuilder
{
    private readonly StringBuilder _body = new();

    public DocxBuilder Paragraph(string text)
    {
        _body.Append("<w:p><w:r><w:t xml:space=\"preserve\">").Append(SecurityElement.Escape(text)).Append("</w:t></w:r></w:p>");
        return this;
    }

    /// <summary>Body XML as it is, for documents no word processor writes.</summary>
    public DocxBuilder Raw(string xml)
    {
        _body.Append(xml);
        return this;
    }

    public DocxBuilder Table(IEnumerable<DocxCell[]> rows)
    {
        _body.Append("<w:tbl><w:tblPr><w:tblW w:w=\"0\" w:type=\"auto\"/></w:tblPr>");
        foreach (var row in rows)
        {
            _body.Append("<w:tr>");
            foreach (var cell in row)
            {
                _body.Append("<w:tc><w:tcPr>");
                if (cell.Span > 1)
                    _body.Append("<w:gridSpan w:val=\"").Append(cell.Span).Append("\"/>");
                if (cell.VMerge == "restart")
                    _body.Append("<w:vMerge w:val=\"restart\"/>");
                else if (cell.VMerge == "continue")
                    _body.Append("<w:vMerge/>");
                _body.Append("</w:tcPr>");
                if (cell.Paragraphs.Length == 0)
                    _body.Append("<w:p/>");
                foreach (var paragraph in cell.Paragraphs)
                    _body.Append("<w:p><w:r><w:t xml:space=\"preserve\">").Append(SecurityElement.Escape(paragraph)).Append("</w:t></w:r></w:p>");
                _body.Append("</w:tc>");
            }
            _body.Append("</w:tr>");
        }
        _body.Append("</w:tbl>");
        return this;
    }

    public byte[] Build()
    {
        using var output = new MemoryStream();
        using (var zip = new ZipArchive(output, ZipArchiveMode.Create, leaveOpen: true))
        {
            Add(zip, "[Content_Types].xml", """<?xml version="1.0" encoding="UTF-8"?><Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types"><Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/><Default Extension="xml" ContentType="application/xml"/><Override PartName="/word/document.xml" ContentType="application/vnd.openxmlformats-officedocument.wordprocessingml.document.main+xml"/></Types>""");
            Add(zip, "_rels/.rels", """<?xml version="1.0" encoding="UTF-8"?><Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument" Target="word/document.xml"/></Relationships>""");
            Add(zip, "word/document.xml", "<?xml version=\"1.0\" encoding=\"UTF-8\"?><w:document xmlns:w=\"http://schemas.openxmlformats.org/wordprocessingml/2006/main\"><w:body>" + _body + "<w:sectPr/></w:body></w:document>");
        }
        return output.ToArray();
    }

    private static void Add(ZipArchive zip, string name, string content)
    {
        using var writer = new StreamWriter(zip.CreateEntry(name).Open(), new UTF8Encoding(false));
        writer.Write(content);
    }

    /// <summary>A rubric table as Word writes it: category and subcategory cells merged down their rows.</summary>
    public static byte[] FromTable(RubricTable table)
    {
        var builder = new DocxBuilder();
        foreach (var line in table.TitleLines)
            builder.Paragraph(line);
        var header = new DocxCell[] { "指标", "类别", "考评内容及要求", "考评标准", "分值", "扣分及原因" };
        var rows = new List<DocxCell[]> { header };
        var columns = table.Columns;
        foreach (var row in table.Rows)
        {
            DocxCell Merged(int? index) => index is { } i && !row[i].IsBlank
                ? new DocxCell([.. row[i].Lines.Where(l => l.Trim().Length > 0)], VMerge: "restart")
                : new DocxCell([], VMerge: "continue");
            DocxCell Plain(int? index) => index is { } i ? new DocxCell([.. row[i].Lines.Where(l => l.Trim().Length > 0)]) : new DocxCell([]);
            rows.Add([Merged(columns.Category), Merged(columns.Subcategory), Plain(columns.Requirement), Plain(columns.Criteria), Plain(columns.Points),
                Plain(columns.Deduction)]);
        }
        return builder.Table(rows).Build();
    }
}
