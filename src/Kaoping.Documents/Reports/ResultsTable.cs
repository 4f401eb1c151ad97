using System.Globalization;
using DocumentFormat.OpenXml.Packaging;
using DocumentFormat.OpenXml.Wordprocessing;
using Kaoping.Documents.Spreadsheets;
using Kaoping.Documents.Word;
using Kaoping.Schemes;
using Kaoping.Text;

namespace Kaoping.Documents.Reports;

/// <summary>
/// 汇总表: a campaign's result under its scheme — every ranked target with each part, the bonus, the vetoes that fired,
/// the total, the grade (after quotas) and the rank; then every target not yet final, as 未完成 with its state and no score.
/// </summary>
public sealed record ResultsTable(string Campaign, int Year, Scheme Scheme, IReadOnlyList<ResultsTableRow> Ranked,
    IReadOnlyList<ResultsTableUnfinished> Unfinished, int PendingAppeals);

/// <summary>A ranked target and the vetoes that fired, each as it is to be read (the name, and the office's reason).</summary>
public sealed record ResultsTableRow(RankedTarget Place, IReadOnlyList<string> Vetoes);

public sealed record ResultsTableUnfinished(string Target, string State);

/// <summary>The 汇总表 as Excel and as Word; texts are written whole, never cut short.</summary>
public static class ResultsTableWriter
{
    public static void WriteXlsx(Stream output, ResultsTable table)
    {
        var header = Header(table);
        double[] widths = [8, 20, .. table.Scheme.Parts.Select(_ => 14.0), .. table.Scheme.Bonus is null ? Array.Empty<double>() : [10], 28, 12, 10];
        var sheet = new XlsxSheet("汇总表", widths) { Landscape = true };
        var title = sheet.AddRow(XlsxCell.Of(Title(table), XlsxStyle.Title));
        sheet.Merge(title, 1, title, header.Count);
        var note = sheet.AddRow(XlsxCell.Of(Note(table), XlsxStyle.Plain));
        sheet.Merge(note, 1, note, header.Count);
        var head = sheet.AddRow([.. header.Select(h => XlsxCell.Of(h, XlsxStyle.Header))]);
        sheet.PrintTitleRows = (head, head);
        foreach (var row in table.Ranked)
        {
            var result = row.Place.Result;
            sheet.AddRow([
                XlsxCell.Of(row.Place.Rank), XlsxCell.Of(result.Target, XlsxStyle.TextCentered),
                .. result.Parts.Select(p => XlsxCell.Of(p.Score)),
                .. table.Scheme.Bonus is null ? Array.Empty<XlsxCell>() : [XlsxCell.Of(result.Bonus)],
                XlsxCell.Of(Vetoes(row)), XlsxCell.Of(result.Score, XlsxStyle.BoldNumber), XlsxCell.Of(row.Place.Grade, XlsxStyle.TextCentered)]);
        }
        foreach (var unfinished in table.Unfinished)
        {
            var row = sheet.AddRow(XlsxCell.Of("—", XlsxStyle.TextCentered), XlsxCell.Of(unfinished.Target, XlsxStyle.TextCentered),
                XlsxCell.Of(Unfinished(unfinished), XlsxStyle.TextCentered));
            sheet.Merge(row, 3, row, header.Count);
        }
        XlsxBook.Write(output, sheet);
    }

    public static void WriteDocx(Stream output, ResultsTable table)
    {
        var header = Header(table);
        var parts = table.Scheme.Parts.Count + (table.Scheme.Bonus is null ? 0 : 1);
        var partWidth = Math.Max(800, (10400 - 700 - 1800 - 2000 - 1000 - 800) / Math.Max(1, parts));
        int[] widths = [700, 1800, .. Enumerable.Repeat(partWidth, parts), 2000, 1000, 800];
        using var document = WordprocessingDocument.Create(output, DocumentFormat.OpenXml.WordprocessingDocumentType.Document);
        var main = WordParts.Start(document);
        var body = new Body();
        body.Append(WordParts.Para(Title(table), WordParts.TitleFont, 36, bold: false, JustificationValues.Center));
        body.Append(WordParts.Para(Note(table), WordParts.BodyFont, 24, bold: false, JustificationValues.Left));
        var grid = WordParts.Table(widths);
        grid.Append(WordParts.Row(header: true, header.Select((h, i) => WordParts.Cell(widths[i], h, WordParts.HeadingFont, bold: true, center: true))));
        foreach (var row in table.Ranked)
        {
            var result = row.Place.Result;
            string[] cells = [row.Place.Rank.ToString(CultureInfo.InvariantCulture), result.Target, .. result.Parts.Select(p => Points.Format(p.Score)),
                .. table.Scheme.Bonus is null ? Array.Empty<string>() : [Points.Format(result.Bonus)],
                Vetoes(row), Points.Format(result.Score), row.Place.Grade];
            grid.Append(WordParts.Row(header: false, cells.Select((c, i) => WordParts.Cell(widths[i], c, WordParts.BodyFont, bold: false, center: true))));
        }
        foreach (var unfinished in table.Unfinished)
        {
            string[] cells = ["—", unfinished.Target, Unfinished(unfinished), .. Enumerable.Repeat("—", header.Count - 3)];
            grid.Append(WordParts.Row(header: false, cells.Select((c, i) => WordParts.Cell(widths[i], c, WordParts.BodyFont, bold: false, center: true))));
        }
        body.Append(grid);
        WordParts.Finish(main, body);
    }

    private static List<string> Header(ResultsTable table) =>
    [
        "名次", "被考评单位", .. table.Scheme.Parts.Select(p => $"{p.Name}（{Points.Format(p.Points)}分）"),
        .. table.Scheme.Bonus is { } bonus ? [$"加分（上限{Points.Format(bonus.Cap)}分）"] : Array.Empty<string>(),
        "一票否决", $"总分（{Points.Format(table.Scheme.Points)}分）", "等次",
    ];

    private static string Title(ResultsTable table) => $"{table.Campaign}（{table.Year}年度）考评结果汇总表";

    private static string Note(ResultsTable table)
    {
        var all = table.Ranked.Count + table.Unfinished.Count;
        var note = $"考核方案：{table.Scheme.Title}。共{all}个被考评单位，{table.Ranked.Count}个已审定并排名";
        if (table.Unfinished.Count > 0)
            note += $"，{table.Unfinished.Count}个未完成，不排名、不计分";
        if (table.PendingAppeals > 0)
            note += $"；尚有{table.PendingAppeals}项申诉待处理，结果可能变化";
        return note + "。";
    }

    private static string Vetoes(ResultsTableRow row) => row.Vetoes.Count == 0 ? "—" : string.Join("；", row.Vetoes);

    private static string Unfinished(ResultsTableUnfinished row) => $"未完成（{row.State}），不排名";
}
