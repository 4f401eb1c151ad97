using System.IO.Compression;
using Kaoping.Documents.Sheets;
using Kaoping.Documents.Spreadsheets;
using Kaoping.Rubrics;
using Kaoping.Scoring;
using Kaoping.Text;

namespace Kaoping.Documents.Reports;

/// <summary>
/// A campaign's results, for its reports: the rubric, the final sheets' scores (the ones ranked), and the campaign's name
/// and year; the sheets not yet final are listed with their state and never ranked; <see cref="Draft"/> marks a circular
/// asked for before the result is complete.
/// </summary>
public sealed record CampaignResults(Rubric Rubric, IReadOnlyList<SheetScore> Sheets, SheetHeading Heading)
{
    public IReadOnlyList<UnfinishedSheet> Unfinished { get; init; } = [];

    public int PendingAppeals { get; init; }

    public bool Draft { get; init; }

    /// <summary>Each target's items marked 不涉及, with the reason: written on that target's sheet.</summary>
    public IReadOnlyDictionary<string, IReadOnlyDictionary<ItemKey, string>> NotApplicable { get; init; } =
        new Dictionary<string, IReadOnlyDictionary<ItemKey, string>>();

    /// <summary>
    /// The ranking under the campaign's scheme (shared ranks, tie-breakers, vetoed last, grades after quotas), when the
    /// caller computed it; without it the sheets are ranked by score with the default bands.
    /// </summary>
    public IReadOnlyList<RankedResult>? Ranking { get; init; }

    /// <summary>Each final sheet in its place: the scheme's ranking when given, else by score.</summary>
    public IReadOnlyList<(RankedResult Place, SheetScore Score)> Ranked()
    {
        if (Ranking is null)
            return [.. Kaoping.Scoring.Ranking.Rank(Sheets.Select(s => (s, 0)))
                .Select(r => (new RankedResult(r.Rank, r.Score.Target, r.Score.Score, Grades.Of(r.Score.Score, r.Score.Points), []), r.Score))];
        var scores = Sheets.GroupBy(s => s.Target, StringComparer.Ordinal).ToDictionary(g => g.Key, g => g.First(), StringComparer.Ordinal);
        return [.. Ranking.Where(r => scores.ContainsKey(r.Target)).Select(r => (r, scores[r.Target]))];
    }

    /// <summary>What keeps the circular from being issued: each unfinished sheet and the pending appeals, in Chinese.</summary>
    public IReadOnlyList<string> Missing =>
        [.. Unfinished.Select(u => $"{u.Score.Target}：{u.State}，未完成"), .. PendingAppeals > 0 ? [$"尚有{PendingAppeals}项申诉待处理"] : Array.Empty<string>()];
}

/// <summary>A target's place under the scheme: its rank, total, grade after quotas and the vetoes that fired (their names).</summary>
public sealed record RankedResult(int Rank, string Target, decimal Score, string Grade, IReadOnlyList<string> Vetoes);

/// <summary>A sheet not yet final: its score so far (for the archive of sheets only) and its state's name.</summary>
public sealed record UnfinishedSheet(SheetScore Score, string State);

/// <summary>The reports of a campaign: the ranking, the deductions per item, and every sheet in one archive.</summary>
public static class CampaignReports
{
    public static void WriteRanking(Stream output, CampaignResults results)
    {
        var categories = results.Rubric.Categories;
        var sheet = new XlsxSheet("排名", [8, 20, .. categories.Select(_ => 12.0), 10, 10]) { Landscape = categories.Count > 5 };
        var columns = 4 + categories.Count;
        var title = sheet.AddRow(XlsxCell.Of($"{results.Heading.Campaign}（{results.Heading.Year}年度）得分排名", XlsxStyle.Title));
        sheet.Merge(title, 1, title, columns);
        var header = sheet.AddRow([
            XlsxCell.Of("名次", XlsxStyle.Header), XlsxCell.Of("被考评单位", XlsxStyle.Header),
            .. categories.Select(c => XlsxCell.Of($"{c.Name}（{Points.Format(c.Points)}分）", XlsxStyle.Header)),
            XlsxCell.Of($"总分（{Points.Format(results.Rubric.Points)}分）", XlsxStyle.Header), XlsxCell.Of("等次", XlsxStyle.Header)]);
        sheet.PrintTitleRows = (header, header);
        foreach (var (place, score) in results.Ranked())
        {
            sheet.AddRow([
                XlsxCell.Of(place.Rank), XlsxCell.Of(place.Target, XlsxStyle.TextCentered),
                .. score.Categories.Select(c => XlsxCell.Of(c.Score)),
                XlsxCell.Of(place.Score, XlsxStyle.BoldNumber),
                XlsxCell.Of(place.Grade, XlsxStyle.TextCentered)]);
        }
        foreach (var unfinished in results.Unfinished)
        {
            var row = sheet.AddRow(XlsxCell.Of("—", XlsxStyle.TextCentered), XlsxCell.Of(unfinished.Score.Target, XlsxStyle.TextCentered),
                XlsxCell.Of($"未完成（{unfinished.State}），不排名", XlsxStyle.TextCentered));
            sheet.Merge(row, 3, row, columns);
        }
        XlsxBook.Write(output, sheet);
    }

    public static void WriteDeductions(Stream output, CampaignResults results)
    {
        var sheet = new XlsxSheet("扣分统计", [8, 14, 16, 44, 7, 12, 10, 12]) { Landscape = true };
        var title = sheet.AddRow(XlsxCell.Of($"{results.Heading.Campaign}（{results.Heading.Year}年度）各项扣分统计（共{results.Sheets.Count}个被考评单位）", XlsxStyle.Title));
        sheet.Merge(title, 1, title, 8);
        var header = sheet.AddRow([.. new[] { "编号", "指标", "类别", "考评内容及要求", "分值", "扣分单位数", "扣分合计", "平均扣分" }.Select(h => XlsxCell.Of(h, XlsxStyle.Header))]);
        sheet.PrintTitleRows = (header, header);
        foreach (var row in DeductionStatistics.Of(results.Rubric, results.Sheets))
        {
            var category = results.Rubric.Categories[row.Item.Key.Category - 1];
            var subcategory = category.Subcategories[row.Item.Key.Subcategory - 1];
            sheet.AddRow(
                XlsxCell.Of(row.Item.Key.ToString(), XlsxStyle.TextCentered), XlsxCell.Of(category.Name, XlsxStyle.TextCentered),
                XlsxCell.Of(subcategory.Name, XlsxStyle.TextCentered), XlsxCell.Of(row.Item.Requirement), XlsxCell.Of(row.Item.Points),
                XlsxCell.Of(row.Targets), XlsxCell.Of(row.TotalLost),
                XlsxCell.Of(results.Sheets.Count == 0 ? 0 : Math.Round(row.TotalLost / results.Sheets.Count, 2)));
        }
        XlsxBook.Write(output, sheet);
    }

    /// <summary>Every target's filled sheet as .xlsx in one .zip; one sheet is in memory at a time.</summary>
    public static void WriteAllSheets(Stream output, CampaignResults results)
    {
        using var zip = new ZipArchive(output, ZipArchiveMode.Create, leaveOpen: true);
        var names = new HashSet<string>(StringComparer.Ordinal);
        using var buffer = new MemoryStream();
        foreach (var score in results.Sheets.Concat(results.Unfinished.Select(u => u.Score)))
        {
            buffer.SetLength(0);
            var heading = results.NotApplicable.TryGetValue(score.Target, out var marked) ? results.Heading with { NotApplicable = marked } : results.Heading;
            SheetXlsxWriter.Write(buffer, results.Rubric, score, heading);
            var name = FileName(score.Target);
            for (var n = 2; !names.Add(name); n++)
                name = FileName(score.Target + "-" + n);
            using var entry = zip.CreateEntry(name, CompressionLevel.Fastest).Open();
            buffer.Position = 0;
            buffer.CopyTo(entry);
        }
    }

    private static string FileName(string target) =>
        string.Concat(target.Select(c => Path.GetInvalidFileNameChars().Contains(c) || c is '/' or '\\' ? '_' : c)) + "-考评表.xlsx";
}
