using Kaoping.Documents.Spreadsheets;
using Kaoping.Rubrics;
using Kaoping.Scoring;
using Kaoping.Text;

namespace Kaoping.Documents.Sheets;

/// <summary>
/// A filled sheet as Excel: the rubric's table with category and subcategory cells merged as in the original, points and
/// scores as numbers, a total row, the signature lines; A4, fit to the page width, the header row on every page.
/// </summary>
public static class SheetXlsxWriter
{
    public const string SheetName = "考评表";

    public static void Write(Stream output, Rubric rubric, SheetScore score, SheetHeading heading) =>
        XlsxBook.Write(output, Sheet(rubric, score, heading));

    public static XlsxSheet Sheet(Rubric rubric, SheetScore score, SheetHeading heading)
    {
        var sheet = new XlsxSheet(SheetName, [18, 17, 36, 36, 6, 6, 30]) { Landscape = true };
        var title = sheet.AddRow(XlsxCell.Of($"{(rubric.Annex is { } a ? a + "　" : "")}{rubric.Title}（{Points.Format(rubric.Points)}分）", XlsxStyle.Title));
        sheet.Merge(title, 1, title, 7);
        var target = sheet.AddRow(XlsxCell.Of($"被考评单位：{score.Target}　　考评任务：{heading.Campaign}（{heading.Year}年度）", XlsxStyle.Plain));
        sheet.Merge(target, 1, target, 7);
        var header = sheet.AddRow([.. new[] { "指标", "类别", "考评内容及要求", "考评标准", "分值", "得分", "扣分及原因" }.Select(h => XlsxCell.Of(h, XlsxStyle.Header))]);
        sheet.PrintTitleRows = (header, header);

        foreach (var (category, categoryScore) in rubric.Categories.Zip(score.Categories))
        {
            var categoryRow = sheet.Rows.Count + 1;
            foreach (var (subcategory, subScore) in category.Subcategories.Zip(categoryScore.Subcategories))
            {
                var subRow = sheet.Rows.Count + 1;
                foreach (var (item, itemScore) in subcategory.Items.Zip(subScore.Items))
                {
                    var first = sheet.Rows.Count + 1;
                    sheet.AddRow(
                        XlsxCell.Of(first == categoryRow
                            ? $"{(category.Code is { } code ? code + "、" : "")}{category.Name}\n（{Points.Format(category.Points)}分）"
                                + $"\n得分：{Points.Format(categoryScore.Score)}"
                            : "", XlsxStyle.MergedTop),
                        XlsxCell.Of(first == subRow
                            ? $"{subcategory.Name}\n（{Points.Format(subcategory.Points)}分）\n得分：{Points.Format(subScore.Score)}"
                            : "", XlsxStyle.MergedTop),
                        XlsxCell.Of((item.Number is { } n ? n + "." : "") + item.Requirement),
                        XlsxCell.Of(item.Criteria),
                        XlsxCell.Of(item.Points),
                        XlsxCell.Of(itemScore.Score),
                        XlsxCell.Of(heading.ItemText(itemScore, withScore: false)));
                }
                sheet.Merge(subRow, 2, sheet.Rows.Count, 2);
            }
            sheet.Merge(categoryRow, 1, sheet.Rows.Count, 1);
        }
        var total = sheet.AddRow(
            XlsxCell.Of("合计", XlsxStyle.Bold), XlsxCell.Of("", XlsxStyle.Bold), XlsxCell.Of("", XlsxStyle.Bold), XlsxCell.Of("", XlsxStyle.Bold),
            XlsxCell.Of(score.Points, XlsxStyle.BoldNumber), XlsxCell.Of(score.Score, XlsxStyle.BoldNumber), XlsxCell.Of("", XlsxStyle.Bold));
        sheet.Merge(total, 1, total, 4);
        var signature = sheet.AddRow(XlsxCell.Of("考评组成员签字：　　　　　　　　　　被考评单位负责人签字：　　　　　　　　　　日期：　　年　　月　　日", XlsxStyle.Plain));
        sheet.Merge(signature, 1, signature, 7);
        return sheet;
    }
}
