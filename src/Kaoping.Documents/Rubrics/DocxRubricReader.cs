using Kaoping.Rubrics;
using Kaoping.Text;

namespace Kaoping.Documents.Rubrics;

/// <summary>
/// Reads a rubric table from a Word document (.docx, as written by Microsoft Word, WPS or LibreOffice) into the same
/// <see cref="RubricTable"/> as the text reader: merged cells (vMerge, gridSpan) become the empty cells of the text
/// layout, several paragraphs in a cell become its lines, the paragraphs above the table its title. The document is
/// read from the zip within <see cref="Limits"/> (entries, unpacked size, packing ratio) and its XML in one pass
/// (<see cref="DocxBody"/>: bounded depth, no DTD), so no file can exhaust memory or the stack.
/// </summary>
public static class DocxRubricReader
{
    public const long DefaultMaxUncompressedBytes = 50L * 1024 * 1024;

    public static Rubric Read(Stream stream, string source, long maxUncompressedBytes = DefaultMaxUncompressedBytes) =>
        RubricBuilder.Build(ReadTable(stream, source, maxUncompressedBytes));

    public static RubricTable ReadTable(Stream stream, string source, long maxUncompressedBytes = DefaultMaxUncompressedBytes)
    {
        var xml = DocumentXml(stream, source, maxUncompressedBytes);
        var body = DocxBody.Read(xml, source);
        var tables = body.OfType<DocxTable>().ToList();
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
            var titleLines = body.Take(index).Reverse().TakeWhile(b => b is DocxParagraph).Reverse()
                .OfType<DocxParagraph>().Select(p => p.Text.Trim()).Where(p => p.Length > 0).ToList();
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
        using var zip = BoundedZip.Open(stream, source, Limits(maxBytes), text => new RubricFormatException(text),
            LocalizedText.Format("{0}：文件已损坏，不是有效的 Word（.docx）文件。", "{0}: the file is damaged; it is not a valid Word (.docx) file.", source));
        var entry = zip.Find(DocxBody.Part)
            ?? throw Error(source, "不是 Word（.docx）文件：其中没有正文（word/document.xml）。", "not a Word (.docx) file: it has no word/document.xml.");
        return zip.Read(entry);
    }

    /// <summary>A Word file has a few dozen parts; its XML packs perhaps 20:1, a bomb 1000:1.</summary>
    public static ZipLimits Limits(long maxBytes) => new(MaxEntries: 1000, MaxExpandedBytes: maxBytes, MaxRatio: 200);

    private static RubricFormatException Error(string source, string zh, string en, params object?[] args) => DocxBody.Error(source, zh, en, args);
}
