using Kaoping.Data.Entities;
using Kaoping.Documents.Spreadsheets;
using Kaoping.Text;

namespace Kaoping.Web.Services.Spreadsheets;

/// <summary>A target read from the workbook: its row, name, kind and region (as stored, or null).</summary>
public sealed record TargetRow(int Row, string Name, string Kind, string? Region);

/// <summary>
/// The targets workbook (被考评单位名称, 类型, 所属地区): the template and the export are the same sheet, so an exported list
/// imports back unchanged. The reader refuses a wrong cell naming its row and column; then nothing is read.
/// </summary>
public static class TargetWorkbook
{
    public const long MaxBytes = 1024 * 1024;

    /// <summary>A province-wide list is 2,851 county-level units.</summary>
    public const int MaxRows = 3000;

    public const int MaxName = 100, MaxKind = 20;

    private static readonly string[] s_headers = ["被考评单位名称", "类型", "所属地区"];

    public static byte[] Write(IEnumerable<Target> targets)
    {
        var sheet = new XlsxSheet("被考评单位", [30, 14, 36]) { PrintTitleRows = (1, 1) };
        sheet.AddRow([.. s_headers.Select(h => XlsxCell.Of(h, XlsxStyle.Header))]);
        foreach (var target in targets)
            sheet.AddRow(XlsxCell.Of(target.Name), XlsxCell.Of(target.Kind), XlsxCell.Of(target.Region ?? ""));
        using var output = new MemoryStream();
        XlsxBook.Write(output, sheet);
        return output.ToArray();
    }

    public static IReadOnlyList<TargetRow> Read(Stream stream, string fileName)
    {
        var read = new List<TargetRow>();
        var seen = new Dictionary<string, int>(StringComparer.Ordinal);
        foreach (var (number, cells) in XlsxTable.Read(stream, fileName, s_headers, MaxBytes, MaxRows))
        {
            var name = cells[0];
            if (name.Length == 0)
                throw Cell(fileName, number, 1, "是空的，请填写单位名称。", "is empty; fill in the target's name.");
            if (name.Length > MaxName)
                throw Cell(fileName, number, 1, $"超过{MaxName}字。", $"is longer than {MaxName} characters.");
            if (seen.TryGetValue(name, out var earlier))
                throw XlsxTable.Error(fileName, "第{1}行第1列（A列，被考评单位名称）：“{2}”与第{3}行重复。",
                    "row {1}, column 1 (A, name): “{2}” repeats row {3}.", number, name, earlier);
            seen[name] = number;
            if (cells[1].Length > MaxKind)
                throw Cell(fileName, number, 2, $"超过{MaxKind}字。", $"is longer than {MaxKind} characters.");
            var region = Regions.Normalize(cells[2]);
            if (region is { Length: > Regions.MaxLength })
                throw Cell(fileName, number, 3, $"超过{Regions.MaxLength}字。", $"is longer than {Regions.MaxLength} characters.");
            read.Add(new TargetRow(number, name, cells[1], region));
        }
        return read;
    }

    private static InvalidInputException Cell(string fileName, int row, int column, string zh, string en) =>
        XlsxTable.CellError(fileName, row, column, s_headers[column - 1], zh, en);
}
