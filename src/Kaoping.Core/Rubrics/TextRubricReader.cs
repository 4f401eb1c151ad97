using System.Text;
using Kaoping.Text;

namespace Kaoping.Rubrics;

/// <summary>
/// Reads the table-text layout of a rubric: title lines, then cells that each start with a tab; a line without a
/// leading tab continues the cell above; merged cells are empty cells; the header row names the columns.
/// </summary>
public static class TextRubricReader
{
    public const int MaxBytes = 4 * 1024 * 1024;

    /// <summary>The 2018 rubric has some 300 lines and 500 cells; these bounds keep a crafted text from filling memory.</summary>
    public const int MaxLines = 100_000;

    public const int MaxCells = 50_000;

    public static Rubric Read(Stream stream, string source) => RubricBuilder.Build(ReadTable(stream, source));

    public static Rubric Read(string text, string source) => RubricBuilder.Build(ReadTable(text, source));

    public static RubricTable ReadTable(Stream stream, string source) => ReadTable(Decode(stream, source), source);

    public static RubricTable ReadTable(string text, string source)
    {
        var lines = text.Split('\n', MaxLines + 1);
        if (lines.Length > MaxLines)
            throw new RubricFormatException(LocalizedText.Format("{0}：超过{1}行，不是考评细则文本。", "{0}: more than {1} lines; not a rubric text.", source, MaxLines));
        var titleLines = new List<string>();
        var cells = new List<CellBuilder>();
        var inTable = false;
        for (var i = 0; i < lines.Length; i++)
        {
            var line = lines[i].TrimEnd('\r');
            if (!inTable && !line.Contains('\t'))
            {
                if (!string.IsNullOrWhiteSpace(line))
                    titleLines.Add(line.Trim());
                continue;
            }
            inTable = true;
            if (cells.Count + line.AsSpan().Count('\t') > MaxCells)
                throw new RubricFormatException(LocalizedText.Format("{0}：表格超过{1}个单元格，不是考评细则文本。",
                    "{0}: the table has more than {1} cells; not a rubric text.", new SourcePlace(source, i + 1).Describe(), MaxCells));
            var parts = line.Split('\t');
            if (cells.Count > 0)
                cells[^1].Lines.Add(parts[0]);
            else if (!string.IsNullOrWhiteSpace(parts[0]))
                titleLines.Add(parts[0].Trim());
            for (var p = 1; p < parts.Length; p++)
                cells.Add(new CellBuilder(new SourcePlace(source, i + 1), [parts[p]]));
        }
        if (cells.Count == 0)
            throw new RubricFormatException(LocalizedText.Format(
                "{0}：不是考评细则的表格文本——没有找到以制表符开头的单元格。",
                "{0}: not a rubric table text — no cells starting with a tab were found.", source));

        var headerCount = 0;
        while (headerCount < cells.Count && RubricHeader.IsHeaderName(cells[headerCount].Cell.Joined))
            headerCount++;
        var columns = RubricHeader.Map([.. cells.Take(headerCount).Select(c => c.Cell.Joined)])
            ?? throw new RubricFormatException(LocalizedText.Format(
                "{0}：没有找到表头行（应有“{1}”等列名）。",
                "{0}: no header row was found (expected column names such as “{1}”).",
                cells[0].Cell.Place.Describe(), RubricHeader.ExpectedNames));

        var rows = new List<IReadOnlyList<TableCell>>();
        var data = cells.Skip(headerCount).Select(c => c.Cell).ToList();
        for (var start = 0; start < data.Count; start += columns.Count)
        {
            var row = data.Skip(start).Take(columns.Count).ToList();
            if (row.Count < columns.Count)
            {
                // The file may end without the last, empty cell(s) of its last row.
                if (row.All(c => c.IsBlank))
                    break;
                var missing = columns.Count - row.Count;
                if (missing > 1 || columns.Deduction != columns.Count - 1)
                    throw WrongCellCount(source, rows.Count + 1, row[0].Place, columns.Count, row.Count);
                row.Add(TableCell.Empty(row[^1].Place));
            }
            // A header row repeated on every printed page of the original is not data.
            if (row.All(c => c.IsBlank || RubricHeader.IsHeaderName(c.Joined)) && row.Any(c => !c.IsBlank))
                continue;
            CheckRowShape(source, rows.Count + 1, row, columns);
            rows.Add(row);
        }
        return new RubricTable(source, titleLines, columns, rows);
    }

    // A missing or extra cell shifts every later cell: the points column is where it shows first.
    private static void CheckRowShape(string source, int rowNumber, List<TableCell> row, ColumnMap columns)
    {
        var points = row[columns.Points];
        if (points.IsBlank && (row.All(c => c.IsBlank) || IsNoteRow(row, columns)))
            return;
        var text = points.Joined;
        if (Points.TryParsePoints(text, out _) || LooksLikeBadPoints(text))
            return;
        throw WrongCellCount(source, rowNumber, row[0].Place, columns.Count, null, text);
    }

    // a row that only states （以下各项扣完为止） or 不涉及的不扣分 has no points
    private static bool IsNoteRow(List<TableCell> row, ColumnMap columns)
    {
        var cells = new[] { row[columns.Requirement], row[columns.Criteria] }.Where(c => !c.IsBlank).ToList();
        return cells.Count > 0 && cells.All(c => CriteriaText.IsDocumentNote(c.Joined));
    }

    // "1..5分" or "一分半": meant as points, but unreadable — the builder names it as such.
    private static bool LooksLikeBadPoints(string text) =>
        text.Length is > 0 and <= 8 && text.Any(c => c == '分' || char.IsAsciiDigit(c) || "０１２３４５６７８９一二两三四五六七八九十半".Contains(c));

    private static RubricFormatException WrongCellCount(string source, int rowNumber, SourcePlace place, int expected, int? actual, string? pointsText = null)
    {
        var where = place.Describe();
        if (actual is { } count)
            return new RubricFormatException(LocalizedText.Format(
                "{0}：表格第{1}行只有{2}个单元格，每行应有{3}个（每个单元格以制表符开头）。",
                "{0}: table row {1} has only {2} cells; every row must have {3} (each cell starts with a tab).",
                where, rowNumber, count, expected));
        object snippet = pointsText!.Length == 0 ? new LocalizedText("（空）", "(empty)") : pointsText.Length > 20 ? pointsText[..20] + "…" : pointsText;
        return new RubricFormatException(LocalizedText.Format(
            "{0}：表格第{1}行的单元格数不对——“分值”列读到的是“{2}”。每行应有{3}个单元格（每个单元格以制表符开头），请检查这一行或上一行是否缺少或多出单元格。",
            "{0}: table row {1} has the wrong number of cells — its points column holds “{2}”. "
                + "Every row must have {3} cells (each starting with a tab); check this row and the one above for a missing or extra cell.",
            where, rowNumber, snippet, expected));
    }

    private static string Decode(Stream stream, string source) =>
        Decode(BoundedStream.ReadAll(stream, MaxBytes, () => new RubricFormatException(LocalizedText.Format(
            "{0}：文件过大（超过{1} MB），不是考评细则文本。",
            "{0}: the file is too large (over {1} MB) for a rubric text.", source, MaxBytes / 1024 / 1024))), source);

    /// <summary>The text of a rubric file: UTF-8, UTF-16 with a byte order mark, or GB18030; anything else is refused.</summary>
    public static string Decode(byte[] bytes, string source)
    {
        // Notepad's "Unicode" is UTF-16 with a byte order mark.
        if (bytes.Length >= 2 && (bytes[0], bytes[1]) is (0xFF, 0xFE) or (0xFE, 0xFF))
            return (bytes[0] == 0xFF ? Encoding.Unicode : Encoding.BigEndianUnicode).GetString(bytes[2..]);
        if (bytes.Contains((byte)0))
            throw new RubricFormatException(LocalizedText.Format(
                "{0}：不是文本文件（含有二进制数据）。考评细则应为表格文本或 Word（.docx）文件。",
                "{0}: not a text file (it holds binary data). A rubric is a table text or a Word (.docx) file.", source));
        try
        {
            return new UTF8Encoding(false, throwOnInvalidBytes: true).GetString(bytes).TrimStart('\uFEFF');
        }
        catch (DecoderFallbackException)
        {
            // Offices often save text as GB18030 (GBK); fall back to it before giving up.
            Encoding.RegisterProvider(CodePagesEncodingProvider.Instance);
            try
            {
                return Encoding.GetEncoding("GB18030", EncoderFallback.ExceptionFallback, DecoderFallback.ExceptionFallback).GetString(bytes);
            }
            catch (DecoderFallbackException)
            {
                throw new RubricFormatException(LocalizedText.Format(
                    "{0}：无法识别文件的文字编码（应为 UTF-8 或 GB18030）。",
                    "{0}: the file's text encoding is not recognised (expected UTF-8 or GB18030).", source));
            }
        }
    }

    private sealed record CellBuilder(SourcePlace Place, List<string> Lines)
    {
        public TableCell Cell => new(Lines, Place);
    }
}
