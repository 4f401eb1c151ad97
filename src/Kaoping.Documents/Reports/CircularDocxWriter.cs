using DocumentFormat.OpenXml.Packaging;
using DocumentFormat.OpenXml.Wordprocessing;
using Kaoping.Documents.Word;
using Kaoping.Scoring;
using Kaoping.Text;

namespace Kaoping.Documents.Reports;

/// <summary>
/// The campaign's results in Word: the ranking table on its own, and a draft circular (通报) in the plain official
/// style — title in 方正小标宋, body in 仿宋, headings numbered 一、（一）1. — stating the results, the ranking table
/// and the items most often deducted with the units that lost points on them, for the office to edit and issue.
/// Only final sheets are ranked; a circular asked for while sheets are unfinished (<see cref="CampaignResults.Draft"/>)
/// says 草稿 in its title and on every page, and names the unfinished units.
/// </summary>
public static class CircularDocxWriter
{
    public static void WriteRanking(Stream output, CampaignResults results)
    {
        using var document = WordprocessingDocument.Create(output, DocumentFormat.OpenXml.WordprocessingDocumentType.Document);
        var main = WordParts.Start(document);
        var body = new Body();
        body.Append(WordParts.Para($"{results.Heading.Campaign}（{results.Heading.Year}年度）得分排名",
            WordParts.TitleFont, 36, bold: false, JustificationValues.Center));
        body.Append(RankingTable(results));
        WordParts.Finish(main, body);
    }

    public static void WriteCircular(Stream output, CampaignResults results, int topItems = 5)
    {
        var year = results.Heading.Year;
        var ranked = results.Ranked();
        using var document = WordprocessingDocument.Create(output, DocumentFormat.OpenXml.WordprocessingDocumentType.Document);
        var main = WordParts.Start(document);
        var body = new Body();
        void Heading(string text) => body.Append(WordParts.Para(text, "黑体", 32, bold: false, JustificationValues.Left, firstLineChars: 2));
        void Text(string text) => body.Append(WordParts.Para(text, WordParts.BodyFont, 32, bold: false, JustificationValues.Both, firstLineChars: 2));

        var draft = results.Draft ? "（草稿）" : "";
        body.Append(WordParts.Para($"关于{results.Heading.Campaign}结果的通报{draft}", WordParts.TitleFont, 44, bold: false, JustificationValues.Center));
        body.Append(WordParts.Para("", WordParts.BodyFont, 32, bold: false, JustificationValues.Left));
        body.Append(WordParts.Para("各被考评单位：", WordParts.BodyFont, 32, bold: false, JustificationValues.Left));
        Text($"根据《{results.Rubric.Title}》，市安全生产委员会组织对{results.Sheets.Count + results.Unfinished.Count}个被考评单位{year}年度安全生产工作责任目标完成情况进行了考评。现将考评结果通报如下：");
        if (results.Unfinished.Count > 0)
        {
            var names = string.Join("、", results.Unfinished.Select(u => $"{u.Score.Target}（{u.State}）"));
            Text($"（草稿说明：{results.Sheets.Count}个单位已审定并列入排名；{results.Unfinished.Count}个单位尚未完成考评，未列入排名：{names}。）");
        }
        if (results.PendingAppeals > 0)
            Text($"（草稿说明：尚有{results.PendingAppeals}项申诉待处理，结果可能变化。）");
        Heading("一、考评结果");
        Text("（一）得分排名");
        body.Append(RankingTable(results));
        Text("（二）考评等次");
        var number = 1;
        // The grades in the ranking's order: the highest first, the veto grade (vetoed targets come last) after.
        foreach (var band in ranked.GroupBy(r => r.Place.Grade, StringComparer.Ordinal))
            Text($"{number++}.{band.Key}（{band.Count()}个）：{string.Join("、", band.Select(r => r.Place.Target))}。");
        foreach (var (place, _) in ranked.Where(r => r.Place.Vetoes.Count > 0))
            Text($"{number++}.{place.Target}因{string.Join("、", place.Vetoes)}，实行一票否决，等次为{place.Grade}。");
        Heading("二、存在的主要问题");
        var problems = DeductionStatistics.Of(results.Rubric, results.Sheets).Where(d => d.Targets > 0)
            .OrderByDescending(d => d.Targets).ThenByDescending(d => d.TotalLost).Take(topItems).ToList();
        if (problems.Count == 0)
            Text("本次考评各被考评单位均未被扣分。");
        for (var i = 0; i < problems.Count; i++)
        {
            var p = problems[i];
            var units = results.Sheets.Where(s => LostOn(s, p.Item.Key)).Select(s => s.Target);
            Text($"{i + 1}.{Sentence(p.Item.Requirement)}（{p.Item.Key}）：{p.Targets}个单位被扣分（{string.Join("、", units)}），合计扣{Points.Format(p.TotalLost)}分。");
        }
        Heading("三、工作要求");
        Text("各被考评单位要对照考评中发现的问题，认真分析原因，逐项制定整改措施，明确责任和时限，于通报印发之日起30日内将整改情况报市安全生产委员会办公室。");
        body.Append(WordParts.Para("", WordParts.BodyFont, 32, bold: false, JustificationValues.Left));
        body.Append(WordParts.Para("市安全生产委员会办公室", WordParts.BodyFont, 32, bold: false, JustificationValues.Right));
        body.Append(WordParts.Para("　　　　年　　月　　日", WordParts.BodyFont, 32, bold: false, JustificationValues.Right));
        WordParts.Finish(main, body, results.Draft ? "草稿" : null);
    }

    private static bool LostOn(SheetScore sheet, Kaoping.Rubrics.ItemKey key) =>
        sheet.Categories.SelectMany(c => c.Subcategories).SelectMany(s => s.Items).Any(item => item.Key == key && item.Score < item.Points);

    // The requirement whole, without its closing stop: the circular never cuts a text short.
    private static string Sentence(string requirement) => requirement.Trim().TrimEnd('。', '；', '，', '.', ';');

    private static Table RankingTable(CampaignResults results)
    {
        var categories = results.Rubric.Categories;
        var categoryWidth = Math.Max(900, (10400 - 700 - 2000 - 1100 - 900) / Math.Max(1, categories.Count));
        int[] widths = [700, 2000, .. categories.Select(_ => categoryWidth), 1100, 900];
        var table = WordParts.Table(widths);
        string[] header = ["名次", "被考评单位", .. categories.Select(c => $"{c.Name}\n（{Points.Format(c.Points)}分）"),
            $"总分\n（{Points.Format(results.Rubric.Points)}分）", "等次"];
        table.Append(WordParts.Row(header: true, header.Select((h, i) => WordParts.Cell(widths[i], h, WordParts.HeadingFont, bold: true, center: true))));
        foreach (var (place, score) in results.Ranked())
        {
            string[] cells = [place.Rank.ToString(System.Globalization.CultureInfo.InvariantCulture), place.Target,
                .. score.Categories.Select(c => Points.Format(c.Score)), Points.Format(place.Score), place.Grade];
            table.Append(WordParts.Row(header: false, cells.Select((c, i) => WordParts.Cell(widths[i], c, WordParts.BodyFont, bold: false, center: true))));
        }
        foreach (var unfinished in results.Unfinished)
        {
            string[] cells = ["—", unfinished.Score.Target, $"未完成（{unfinished.State}）", .. categories.Select(_ => "—")];
            table.Append(WordParts.Row(header: false, cells.Select((c, i) => WordParts.Cell(widths[i], c, WordParts.BodyFont, bold: false, center: true))));
        }
        return table;
    }
}
