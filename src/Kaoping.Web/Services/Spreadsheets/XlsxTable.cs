using System.Globalization;
using DocumentFormat.OpenXml.Packaging;
using DocumentFormat.OpenXml.Spreadsheet;
using Kaoping.Documents.Spreadsheets;
using Kaoping.Text;

namespace Kaoping.Web.Services.Spreadsheets;

/// <summary>A row of an uploaded table: its number in the worksheet and its cells' text, trimmed (one a header column).</summary>
public sealed record XlsxTableRow(int Number, IReadOnlyList<string> Cells);

/// <summary>
/// The first worksheet of an uploaded Excel template as text: row 1 must hold the template's headers, then one row of
/// cells a record; empty rows are passed over. Bounded: the file's bytes, its archive once unpacked, each part's nesting, and the rows. A file
/// that is not such a table is refused naming the file (and the header's row and column).
/// </summary>
public static class XlsxTable
{
    /// <summary>A worksheet nests six deep (worksheet › sheetData › row › c › is › t); beyond this a part is not a workbook's.</summary>
    public const int MaxXmlDepth = 32;

    public static IReadOnlyList<XlsxTableRow> Read(Stream stream, string fileName, IReadOnlyList<string> headers, long maxBytes, int maxRows)
    {
        var bytes = BoundedStream.ReadAll(stream, (int)maxBytes, () => Error(fileName, "文件过大（超过{1} KB）。", "the file is too large (over {1} KB).",
            maxBytes / 1024));
        if (bytes.Length < 4 || bytes[0] != 'P' || bytes[1] != 'K')
            throw Error(fileName, "不是 Excel（.xlsx）文件；请用下载的模板填写。", "not an Excel (.xlsx) file; fill in the template.");
        using (var zip = BoundedZip.Open(new MemoryStream(bytes), fileName, new ZipLimits(200, 8 * maxBytes, 200), text => new InvalidInputException(text)))
        {
            foreach (var entry in zip.Entries)
            {
                // Every part: one that is not XML is not looked into here.
                if (XmlDepth.Exceeded(zip.Read(entry), MaxXmlDepth) is { } depth)
                    throw Error(fileName, "其中的“{1}”元素嵌套{2}层，超过{3}层的上限，不是模板的格式。",
                        "its part “{1}” nests elements {2} deep, beyond the limit of {3}: not the template's layout.", entry.FullName, depth, MaxXmlDepth);
            }
        }
        try
        {
            using var document = SpreadsheetDocument.Open(new MemoryStream(bytes), false);
            return Rows(document, fileName, headers, maxRows);
        }
        // What the Open XML SDK throws on a package it cannot make sense of (a relationship to a missing part, a part of the
        // wrong kind, a bad URI…): found by fuzzing (WebReaderFuzzTests).
        catch (Exception e) when (e is OpenXmlPackageException or InvalidDataException or System.Xml.XmlException or FormatException
            or InvalidOperationException or ArgumentException or KeyNotFoundException or InvalidCastException or IOException)
        {
            throw Error(fileName, "文件已损坏，不是有效的 Excel（.xlsx）文件。", "the file is damaged; it is not a valid Excel (.xlsx) file.");
        }
    }

    private static List<XlsxTableRow> Rows(SpreadsheetDocument document, string fileName, IReadOnlyList<string> headers, int maxRows)
    {
        var workbook = document.WorkbookPart ?? throw Error(fileName, "其中没有工作表。", "it has no worksheet.");
        var first = workbook.Workbook?.Sheets?.Elements<Sheet>().FirstOrDefault() ?? throw Error(fileName, "其中没有工作表。", "it has no worksheet.");
        var part = first.Id?.Value is { Length: > 0 } id && workbook.TryGetPartById(id, out var found) && found is WorksheetPart sheetPart ? sheetPart
            : throw Error(fileName, "其中第一个工作表找不到。", "its first worksheet is missing.");
        var strings = workbook.SharedStringTablePart?.SharedStringTable?.Elements<SharedStringItem>().Select(s => s.InnerText).ToList() ?? [];
        var rows = part.Worksheet?.GetFirstChild<SheetData>()?.Elements<Row>().ToList() ?? [];
        if (rows.Count > maxRows + 1)
            throw Error(fileName, "行数超过{1}行。", "more than {1} rows.", maxRows);
        var header = rows.FirstOrDefault(r => r.RowIndex?.Value == 1);
        for (var c = 0; c < headers.Count; c++)
        {
            var text = header is null ? "" : Value(header, c, strings);
            if (text != headers[c])
                throw Error(fileName, "第1行第{1}列（{2}列）应是表头“{3}”，读到的是“{4}”；请用下载的模板。",
                    "row 1, column {1} ({2}): the header must be “{3}”; got “{4}”. Use the template.", c + 1, XlsxSheet.ColumnName(c + 1), headers[c], text);
        }
        var read = new List<XlsxTableRow>();
        foreach (var row in rows.Where(r => r.RowIndex?.Value > 1))
        {
            var cells = Enumerable.Range(0, headers.Count).Select(c => Value(row, c, strings)).ToArray();
            if (cells.Any(c => c.Length > 0))
                read.Add(new XlsxTableRow((int)row.RowIndex!.Value, cells));
        }
        return read;
    }

    private static string Value(Row row, int column, IReadOnlyList<string> strings)
    {
        var reference = XlsxSheet.ColumnName(column + 1) + row.RowIndex!.Value.ToString(CultureInfo.InvariantCulture);
        var cell = row.Elements<Cell>().FirstOrDefault(c => c.CellReference?.Value == reference);
        if (cell is null)
            return "";
        var text = cell.DataType?.Value switch
        {
            var t when t == CellValues.SharedString =>
                int.TryParse(cell.CellValue?.Text, CultureInfo.InvariantCulture, out var i) && i >= 0 && i < strings.Count ? strings[i] : "",
            var t when t == CellValues.InlineString => cell.InlineString?.InnerText ?? "",
            _ => cell.CellValue?.Text ?? "",
        };
        text = text.Trim();
        // A whole number Excel wrote as 2.0 is still 2.
        return decimal.TryParse(text, NumberStyles.Number, CultureInfo.InvariantCulture, out var n) && n == decimal.Truncate(n) && text.Contains('.')
            ? decimal.Truncate(n).ToString(CultureInfo.InvariantCulture) : text;
    }

    public static InvalidInputException Error(string fileName, string zh, string en, params object?[] args) =>
        new(LocalizedText.Format("{0}：" + zh, "{0}: " + en, [fileName, .. args]));

    /// <summary>A refused cell: “file: row 3, column 2 (B, 类型) …” — the texts may hold what was read (braces kept as they are).</summary>
    public static InvalidInputException CellError(string fileName, int row, int column, string header, string zh, string en) =>
        Error(fileName, "第{1}行第{2}列（{3}列，{4}）" + Escape(zh), "row {1}, column {2} ({3}, {4})" + (en.StartsWith(':') ? "" : " ") + Escape(en),
            row, column, XlsxSheet.ColumnName(column), header);

    private static string Escape(string text) => text.Replace("{", "{{", StringComparison.Ordinal).Replace("}", "}}", StringComparison.Ordinal);
}
