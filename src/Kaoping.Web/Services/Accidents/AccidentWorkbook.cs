using System.Globalization;
using Kaoping.Documents.Spreadsheets;
using Kaoping.Text;
using Kaoping.Web.Services.Spreadsheets;

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
        var rows = XlsxTable.Read(stream, fileName, [TargetHeader, .. AccidentInput.Columns.Select(c => c.Zh), ConcealedHeader], MaxBytes, MaxRows);
        var read = new List<AccidentRow>();
        var seen = new Dictionary<string, int>();
        foreach (var (number, cells) in rows)
        {
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

    public static InvalidInputException Error(string fileName, string zh, string en, params object?[] args) => XlsxTable.Error(fileName, zh, en, args);
}
