using System.Globalization;
using DocumentFormat.OpenXml.Packaging;
using DocumentFormat.OpenXml.Spreadsheet;
using Kaoping.Documents.Spreadsheets;
using Kaoping.Text;

namespace Kaoping.Web.Services.Accidents;

/// <summary>A row read from the workbook: its row number, the target's name and the statistics.</summary>
public sealed record AccidentRow(int Row, string Target, AccidentInput Input);

/// <summary>
/// The accident statistics workbook: the template (one row per target, the current figures filled in) and its reader.
/// The reader takes the first worksheet: row 1 the header (被考评单位 and the columns of <see cref="AccidentInput.Columns"/>),
/// then one row per target; a wrong cell is refused naming its row and column, and nothing is read.
/// Bounded: the file's bytes, its archive once unpacked, and the rows.
/// </summary>
public static class AccidentWorkbook
{
    public const long MaxBytes = 1024 * 1024;
    public const int MaxRows = 2000;
    private const string TargetHeader = "被考评单位";
    private const string ConcealedHeader = "瞒报谎报";

    public static byte[] Template(IEnumerable<(string Target, AccidentInput? Input)> rows)
    {
        var sheet = new XlsxSheet("事故统计", [24, 10, 10, 13, 13, 16, 13, 10, 16, 20, 11]);
        sheet.AddRow([XlsxCell.Of(TargetHeader, XlsxStyle.Header), .. AccidentInput.Columns.Select(c => XlsxCell.Of(c.Zh, XlsxStyle.Header)),
            XlsxCell.Of(ConcealedHeader, XlsxStyle.Header)]);
        foreach (var (target, input) in rows)
        {
            var i = input ?? AccidentInput.None;
            sheet.AddRow([XlsxCell.Of(target), .. i.Counts.Select(c => XlsxCell.Of(c)), XlsxCell.Of(i.Concealed ? "是" : "否", XlsxStyle.TextCentered)]);
        }
        using var output = new MemoryStream();
        XlsxBook.Write(output, sheet);
        return output.ToArray();
    }

    public static IReadOnlyList<AccidentRow> Read(Stream stream, string fileName)
    {
        var bytes = BoundedStream.ReadAll(stream, (int)MaxBytes, () => Error(fileName, "文件过大（超过{1} KB）。", "the file is too large (over {1} KB).",
            MaxBytes / 1024));
        if (bytes.Length < 4 || bytes[0] != 'P' || bytes[1] != 'K')
            throw Error(fileName, "不是 Excel（.xlsx）文件；请用下载的模板填写。", "not an Excel (.xlsx) file; fill in the template.");
        using (var zip = BoundedZip.Open(new MemoryStream(bytes), fileName, new ZipLimits(200, 32 * MaxBytes, 200), text => new InvalidInputException(text)))
        {
            foreach (var entry in zip.Entries)
                zip.Unpack(entry, _ => { });
        }
        try
        {
            using var document = SpreadsheetDocument.Open(new MemoryStream(bytes), false);
            return Rows(document, fileName);
        }
        catch (Exception e) when (e is DocumentFormat.OpenXml.Packaging.OpenXmlPackageException or InvalidDataException or System.Xml.XmlException
            or FormatException)
        {
            throw Error(fileName, "文件已损坏，不是有效的 Excel（.xlsx）文件。", "the file is damaged; it is not a valid Excel (.xlsx) file.");
        }
    }

    private static List<AccidentRow> Rows(SpreadsheetDocument document, string fileName)
    {
        var workbook = document.WorkbookPart ?? throw Error(fileName, "其中没有工作表。", "it has no worksheet.");
        var first = workbook.Workbook?.Sheets?.Elements<Sheet>().FirstOrDefault() ?? throw Error(fileName, "其中没有工作表。", "it has no worksheet.");
        var part = (WorksheetPart)workbook.GetPartById(first.Id!.Value!);
        var strings = workbook.SharedStringTablePart?.SharedStringTable?.Elements<SharedStringItem>().Select(s => s.InnerText).ToList() ?? [];
        var rows = part.Worksheet?.GetFirstChild<SheetData>()?.Elements<Row>().ToList() ?? [];
        if (rows.Count > MaxRows + 1)
            throw Error(fileName, "行数超过{1}行。", "more than {1} rows.", MaxRows);
        var header = rows.FirstOrDefault(r => r.RowIndex?.Value == 1);
        var expected = new[] { TargetHeader }.Concat(AccidentInput.Columns.Select(c => c.Zh)).Append(ConcealedHeader).ToArray();
        for (var c = 0; c < expected.Length; c++)
        {
            var text = header is null ? "" : Value(header, c, strings);
            if (text != expected[c])
                throw Error(fileName, "第1行第{1}列（{2}列）应是表头“{3}”，读到的是“{4}”；请用下载的模板。",
                    "row 1, column {1} ({2}): the header must be “{3}”; got “{4}”. Use the template.", c + 1, XlsxSheet.ColumnName(c + 1), expected[c], text);
        }
        var read = new List<AccidentRow>();
        var seen = new Dictionary<string, int>();
        foreach (var row in rows.Where(r => r.RowIndex?.Value > 1))
        {
            var number = (int)row.RowIndex!.Value;
            var cells = Enumerable.Range(0, expected.Length).Select(c => Value(row, c, strings)).ToArray();
            if (cells.All(c => c.Length == 0))
                continue;
            var target = cells[0];
            if (target.Length == 0)
                throw Error(fileName, "第{1}行第1列（A列，被考评单位）是空的。", "row {1}, column 1 (A, target) is empty.", number);
            if (seen.TryGetValue(target, out var earlier))
                throw Error(fileName, "第{1}行第1列（A列）：“{2}”与第{3}行重复。", "row {1}, column 1 (A): “{2}” repeats row {3}.", number, target, earlier);
            seen[target] = number;
            var counts = new int[AccidentInput.Columns.Length];
            for (var c = 1; c <= counts.Length; c++)
            {
                if (!int.TryParse(cells[c].Length == 0 ? "0" : cells[c], NumberStyles.None, CultureInfo.InvariantCulture, out counts[c - 1])
                    || counts[c - 1] > AccidentInput.MaxCount)
                    throw Error(fileName, "第{1}行第{2}列（{3}列，{4}）应是0到{5}的整数，读到的是“{6}”。",
                        "row {1}, column {2} ({3}, {4}) must be a whole number from 0 to {5}; got “{6}”.",
                        number, c + 1, XlsxSheet.ColumnName(c + 1), AccidentInput.Columns[c - 1].Zh, AccidentInput.MaxCount, cells[c]);
            }
            var last = counts.Length + 2; // after the target and the counts
            var concealed = cells[last - 1] switch
            {
                "" or "否" or "无" => false,
                "是" or "有" => true,
                var other => throw Error(fileName, "第{1}行第{2}列（{3}列，瞒报谎报）应是“是”或“否”，读到的是“{4}”。",
                    "row {1}, column {2} ({3}, concealment) must be 是 or 否; got “{4}”.", number, last, XlsxSheet.ColumnName(last), other),
            };
            read.Add(new AccidentRow(number, target, AccidentInput.Of(counts, concealed)));
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
}
