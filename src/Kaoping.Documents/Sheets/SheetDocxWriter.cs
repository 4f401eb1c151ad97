using DocumentFormat.OpenXml;
using DocumentFormat.OpenXml.Packaging;
using DocumentFormat.OpenXml.Wordprocessing;
using Kaoping.Rubrics;
using Kaoping.Scoring;
using Kaoping.Documents.Word;
using Kaoping.Text;
using TableCell = DocumentFormat.OpenXml.Wordprocessing.TableCell;

namespace Kaoping.Documents.Sheets;

/// <summary>What a filled sheet says about itself besides the rubric and the score: and the items 不涉及 with the reason.</summary>
public sealed record SheetHeading(string Campaign, int Year)
{
    public IReadOnlyDictionary<ItemKey, string> NotApplicable { get; init; } = new Dictionary<ItemKey, string>();

    /// <summary>The 扣分及原因 cell of an item: 不涉及 and the reason, or the deduction and the score (when asked for).</summary>
    public string ItemText(ItemScore item, bool withScore)
    {
        if (NotApplicable.TryGetValue(item.Key, out var reason))
            return "不涉及：" + reason;
        if (!withScore)
            return item.Deduction > 0 ? $"扣{Points.Format(item.Deduction)}分：{item.Reason}" : item.Reason;
        return item.Deduction > 0 || item.Reason.Length > 0
            ? $"扣{Points.Format(item.Deduction)}分，得{Points.Format(item.Score)}分。{item.Reason}"
            : $"得{Points.Format(item.Score)}分";
    }
}

/// <summary>
/// A filled sheet as Word: the rubric's own six-column table with 扣分及原因 filled in, subtotals in the merged
/// category and subcategory cells, the total, and the signature block; A4, 仿宋_GB2312 body and 宋体 headings as Chinese
/// government documents use (Word substitutes 仿宋 where the GB2312 face is missing), header row repeated on every
/// page, rows never split across pages.
/// </summary>
public static class SheetDocxWriter
{
    private const string BodyFont = WordParts.BodyFont;
    private const string HeadingFont = WordParts.HeadingFont;
    private static readonly int[] s_columns = [1100, 1250, 2700, 2700, 700, 1950]; // twentieths of a point, 10,400 in all

    /// <summary>The rubric itself as Word: the blank table an office sends out.</summary>
    public static void WriteRubric(Stream output, Rubric rubric) => WriteDocument(output, rubric, null, null);

    public static void Write(Stream output, Rubric rubric, SheetScore score, SheetHeading heading) => WriteDocument(output, rubric, score, heading);

    private static void WriteDocument(Stream output, Rubric rubric, SheetScore? score, SheetHeading? heading)
    {
        using var document = WordprocessingDocument.Create(output, WordprocessingDocumentType.Document);
        var main = WordParts.Start(document);
        var body = new Body();
        if (rubric.Annex is { } annex)
            body.Append(Para(annex, HeadingFont, 28, bold: false, JustificationValues.Left));
        body.Append(Para($"{rubric.Title}（{Points.Format(rubric.Points)}分）", HeadingFont, 36, bold: true, JustificationValues.Center));
        if (score is null || heading is null)
        {
            body.Append(Table(rubric, null, null));
            WordParts.Finish(main, body);
            return;
        }
        body.Append(Para($"被考评单位：{score.Target}", BodyFont, 24, bold: false, JustificationValues.Left));
        body.Append(Para($"考评任务：{heading.Campaign}（{heading.Year}年度）", BodyFont, 24, bold: false, JustificationValues.Left));
        body.Append(Table(rubric, score, heading));
        body.Append(Para($"合计得分：{Points.Format(score.Score)}分（满分{Points.Format(score.Points)}分）", HeadingFont, 28, bold: true, JustificationValues.Right));
        body.Append(Para("考评组成员签字：＿＿＿＿＿＿＿＿＿＿＿＿　　被考评单位负责人签字：＿＿＿＿＿＿＿＿", BodyFont, 24, bold: false, JustificationValues.Left));
        body.Append(Para("日期：　　　　年　　月　　日", BodyFont, 24, bold: false, JustificationValues.Right));
        WordParts.Finish(main, body);
    }

    private static Table Table(Rubric rubric, SheetScore? score, SheetHeading? heading)
    {
        var table = WordParts.Table(s_columns);
        table.Append(WordParts.Row(header: true, new[] { "指标", "类别", "考评内容及要求", "考评标准", "分值", "扣分及原因" }
            .Select((h, i) => Cell(i, h, HeadingFont, bold: true, merge: null))));
        for (var c = 0; c < rubric.Categories.Count; c++)
        {
            var category = rubric.Categories[c];
            var categoryScore = score?.Categories[c];
            var firstInCategory = true;
            for (var s = 0; s < category.Subcategories.Count; s++)
            {
                var subcategory = category.Subcategories[s];
                var subScore = categoryScore?.Subcategories[s];
                var firstInSubcategory = true;
                for (var i = 0; i < subcategory.Items.Count; i++)
                {
                    var item = subcategory.Items[i];
                    var itemScore = subScore?.Items[i];
                    var categoryText = $"{(category.Code is { } code ? code + "、" : "")}{category.Name}\n（{Points.Format(category.Points)}分）"
                        + (categoryScore is null ? "" : $"\n得分：{Points.Format(categoryScore.Score)}");
                    var subText = $"{subcategory.Name}\n（{Points.Format(subcategory.Points)}分）"
                        + (subScore is null ? "" : $"\n得分：{Points.Format(subScore.Score)}");
                    var deduction = itemScore is null || heading is null ? "" : heading.ItemText(itemScore, withScore: true);
                    table.Append(WordParts.Row(header: false,
                    [
                        Cell(0, firstInCategory ? categoryText : "", BodyFont, bold: true,
                            firstInCategory ? MergedCellValues.Restart : MergedCellValues.Continue),
                        Cell(1, firstInSubcategory ? subText : "", BodyFont, bold: false,
                            firstInSubcategory ? MergedCellValues.Restart : MergedCellValues.Continue),
                        Cell(2, (item.Number is { } n ? n + "." : "") + item.Requirement, BodyFont, bold: false, null),
                        Cell(3, item.Criteria, BodyFont, bold: false, null),
                        Cell(4, Points.Format(item.Points) + "分", BodyFont, bold: false, null),
                        Cell(5, deduction, BodyFont, bold: false, null),
                    ]));
                    firstInCategory = false;
                    firstInSubcategory = false;
                }
            }
        }
        return table;
    }

    private static TableCell Cell(int column, string text, string font, bool bold, MergedCellValues? merge) =>
        WordParts.Cell(s_columns[column], text, font, bold, center: column is 0 or 1 or 4, merge);

    private static Paragraph Para(string text, string font, int halfPoints, bool bold, JustificationValues justify) =>
        WordParts.Para(text, font, halfPoints, bold, justify);
}
