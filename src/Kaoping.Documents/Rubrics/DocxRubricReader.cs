using System.IO.Compression;
using System.Xml;
using Kaoping.Rubrics;
using Kaoping.Text;

namespace Kaoping.Documents.Rubrics;

/// <summary>
/// Reads a rubric table from a Word document (.docx, as written by Microsoft Word, WPS or LibreOffice) into the same
/// <see cref="RubricTable"/> as the text reader: merged cells (vMerge, gridSpan) become the empty cells of the text
/// layout, several paragraphs in a cell become its lines, the paragraphs above the table its title. The document is
/// read from the zip with a bound on every size, so a zip bomb is refused before it is unpacked.
/// </summary>
public static class DocxRubricReader
{
    public const long DefaultMaxUncompressedBytes = 50L * 1024 * 1024;
    private const string W = "http://schemas.openxmlformats.org/wordprocessingml/2006/main";

    public static Rubric Read(Stream stream, string source, long maxUncompressedBytes = DefaultMaxUncompressedBytes) =>
        RubricBuilder.Build(ReadTable(stream, source, maxUncompressedBytes));

    public static RubricTable ReadTable(Stream stream, string source, long maxUncompressedBytes = DefaultMaxUncompressedBytes)
    {
        var xml = DocumentXml(stream, source, maxUncompressedBytes);
        var body = ParseBody(xml, source);
        var tables = body.OfType<TableBlock>().ToList();
        if (tables.Count == 0)
            throw Error(source, "文档中没有表格；考评细则应是一个表格（指标、类别、考评内容及要求、考评标准、分值、扣分及原因）。",
                "the document holds no table; a rubric is a table (指标, 类别, 考评内容及要求, 考评标准, 分值, 扣分及原因).");

        for (var t = 0; t < tables.Count; t++)
        {
            var table = tables[t];
            var headerRow = table.Rows.FindIndex(r => RubricHeader.Map([.. r.Select(c => TextJoin(c.Lines))]) is not null);
            if (headerRow < 0)
                continue;
            var header = table.Rows[headerRow];
            var columns = RubricHeader.Map([.. header.Select(c => TextJoin(c.Lines))])!;
            var rows = new List<IReadOnlyList<TableCell>>();
            for (var r = headerRow + 1; r < table.Rows.Count; r++)
            {
                var row = table.Rows[r];
                if (row.All(c => c.Lines.All(string.IsNullOrWhiteSpace)))
                    continue;
                if (row.Count != columns.Count)
                    throw Error(source, "表{1}第{2}行有{3}列，与表头的{4}列对不齐（合并单元格不一致）。",
                        "table {1}, row {2} has {3} columns where the header has {4} (merged cells do not line up).", t + 1, r + 1, row.Count, columns.Count);
                // the header repeated at the top of every page
                if (row.All(c => c.Lines.All(string.IsNullOrWhiteSpace) || RubricHeader.IsHeaderName(TextJoin(c.Lines))))
                    continue;
                rows.Add([.. row.Select(c => new TableCell(c.Lines, new SourcePlace(source, 0, t + 1, r + 1)))]);
            }
            var index = body.IndexOf(table);
            var titleLines = body.Take(index).Reverse().TakeWhile(b => b is ParagraphBlock).Reverse()
                .OfType<ParagraphBlock>().Select(p => p.Text.Trim()).Where(p => p.Length > 0).ToList();
            return new RubricTable(source, titleLines, columns, rows);
        }
        throw Error(source, "文档中有{1}个表格，但都没有考评细则的表头（应有“{2}”等列名）。",
            "the document has {1} table(s), none with a rubric header (column names such as “{2}”).", tables.Count, RubricHeader.ExpectedNames);
    }

    private static string TextJoin(IReadOnlyList<string> lines) => new TableCell(lines, new SourcePlace("", 0)).Joined;

    private static byte[] DocumentXml(Stream stream, string source, long maxBytes)
    {
        var head = new byte[8];
        var read = stream.ReadAtLeast(head, head.Length, throwOnEndOfStream: false);
        if (stream.CanSeek)
            stream.Position = 0;
        else
            throw new ArgumentException("The stream must be seekable.", nameof(stream));
        if (read >= 8 && head[0] == 0xD0 && head[1] == 0xCF && head[2] == 0x11 && head[3] == 0xE0)
            throw Error(source, "文件已加密或是旧版 Word（.doc）格式；请取消密码保护，或另存为 .docx 后再导入。",
                "the file is encrypted or an old Word (.doc) file; remove the password or save it as .docx, then import it.");
        if (read < 4 || head[0] != 'P' || head[1] != 'K')
            throw Error(source, "不是 Word（.docx）文件。", "not a Word (.docx) file.");
        try
        {
            using var zip = new ZipArchive(stream, ZipArchiveMode.Read, leaveOpen: true);
            var declared = zip.Entries.Sum(e => e.Length);
            if (declared > maxBytes)
                throw TooLarge(source, maxBytes);
            var entry = zip.GetEntry("word/document.xml")
                ?? throw Error(source, "不是 Word（.docx）文件：其中没有正文（word/document.xml）。", "not a Word (.docx) file: it has no word/document.xml.");
            // Never trust the declared size: stop reading at the limit.
            using var content = entry.Open();
            using var buffer = new MemoryStream();
            var chunk = new byte[81920];
            int n;
            while ((n = content.Read(chunk, 0, chunk.Length)) > 0)
            {
                if (buffer.Length + n > maxBytes)
                    throw TooLarge(source, maxBytes);
                buffer.Write(chunk, 0, n);
            }
            return buffer.ToArray();
        }
        catch (InvalidDataException)
        {
            throw Error(source, "文件已损坏，不是有效的 Word（.docx）文件。", "the file is damaged; it is not a valid Word (.docx) file.");
        }
    }

    private static RubricFormatException TooLarge(string source, long maxBytes) =>
        Error(source, "解压后超过{1} MB，拒绝读取（可能是压缩炸弹）。", "it unpacks to more than {1} MB and is refused (a zip bomb?).", maxBytes / 1024 / 1024);

    private abstract record Block;

    private sealed record ParagraphBlock(string Text) : Block;

    private sealed record TableBlock(List<List<DocxCell>> Rows) : Block;

    private sealed record DocxCell(IReadOnlyList<string> Lines);

    private static List<Block> ParseBody(byte[] xml, string source)
    {
        var settings = new XmlReaderSettings { DtdProcessing = DtdProcessing.Prohibit, XmlResolver = null, IgnoreWhitespace = false };
        var document = new XmlDocument { XmlResolver = null };
        try
        {
            using var reader = XmlReader.Create(new MemoryStream(xml), settings);
            document.Load(reader);
        }
        catch (XmlException e)
        {
            throw Error(source, "文件已损坏（正文不是有效的 XML：{1}）。", "the file is damaged (its body is not valid XML: {1}).", e.Message);
        }
        var ns = new XmlNamespaceManager(document.NameTable);
        ns.AddNamespace("w", W);
        var bodyNode = document.SelectSingleNode("/w:document/w:body", ns)
            ?? throw Error(source, "不是 Word（.docx）文件：没有正文。", "not a Word (.docx) file: there is no body.");
        var blocks = new List<Block>();
        foreach (XmlNode node in bodyNode.ChildNodes)
        {
            if (node.LocalName == "p" && node.NamespaceURI == W)
                blocks.Add(new ParagraphBlock(ParagraphText(node)));
            else if (node.LocalName == "tbl" && node.NamespaceURI == W)
                blocks.Add(ParseTable(node, ns));
        }
        return blocks;
    }

    private static TableBlock ParseTable(XmlNode table, XmlNamespaceManager ns)
    {
        var rows = new List<List<DocxCell>>();
        foreach (XmlNode tr in table.SelectNodes("w:tr", ns)!)
        {
            var row = new List<DocxCell>();
            AddEmpty(row, IntAttribute(tr.SelectSingleNode("w:trPr/w:gridBefore", ns)));
            foreach (XmlNode tc in tr.SelectNodes("w:tc", ns)!)
            {
                var span = Math.Max(1, IntAttribute(tc.SelectSingleNode("w:tcPr/w:gridSpan", ns)));
                var vMerge = tc.SelectSingleNode("w:tcPr/w:vMerge", ns);
                // a continued vertical merge is the empty cell of the text layout
                var continued = vMerge is not null && (vMerge.Attributes?["val", W]?.Value ?? "continue") == "continue";
                var lines = continued
                    ? []
                    : tc.SelectNodes("w:p|w:tbl/w:tr/w:tc/w:p", ns)!.Cast<XmlNode>().SelectMany(p => ParagraphText(p).Split('\n')).ToList();
                row.Add(new DocxCell(lines));
                // a horizontally merged cell's other grid columns are empty
                AddEmpty(row, span - 1);
            }
            AddEmpty(row, IntAttribute(tr.SelectSingleNode("w:trPr/w:gridAfter", ns)));
            rows.Add(row);
        }
        return new TableBlock(rows);
    }

    private static void AddEmpty(List<DocxCell> row, int count)
    {
        for (var i = 0; i < count; i++)
            row.Add(new DocxCell([]));
    }

    private static int IntAttribute(XmlNode? node) =>
        node?.Attributes?["val", W]?.Value is { } value && int.TryParse(value, System.Globalization.NumberStyles.None, System.Globalization.CultureInfo.InvariantCulture, out var n) ? n : 0;

    // Runs' text, tabs and breaks; deleted text of tracked changes is left out.
    private static string ParagraphText(XmlNode paragraph)
    {
        var text = new System.Text.StringBuilder();
        Walk(paragraph, text);
        return text.ToString();
    }

    private static void Walk(XmlNode node, System.Text.StringBuilder text)
    {
        foreach (XmlNode child in node.ChildNodes)
        {
            if (child.NamespaceURI != W)
                continue;
            switch (child.LocalName)
            {
                case "t":
                    text.Append(child.InnerText);
                    break;
                case "tab":
                    text.Append(' ');
                    break;
                case "br" or "cr":
                    text.Append('\n');
                    break;
                case "del" or "delText" or "instrText" or "rPr" or "pPr":
                    break;
                default:
                    Walk(child, text);
                    break;
            }
        }
    }

    private static RubricFormatException Error(string source, string zh, string en, params object?[] args) =>
        new(LocalizedText.Format("{0}：" + zh, "{0}: " + en, [source, .. args]));
}
