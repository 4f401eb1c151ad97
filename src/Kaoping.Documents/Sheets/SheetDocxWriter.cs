using DocumentFormat.OpenXml;
using DocumentFormat.OpenXml.Packaging;
using DocumentFormat.OpenXml.Wordprocessing;
using Kaoping.Rubrics;
using Kaoping.Scoring;
using Kaoping.Text;
using TableCell = DocumentFormat.OpenXml.Wordprocessing.TableCell;

namespace Kaoping.Documents.Sheets;

/// <summary>What a filled sheet says about itself besides the rubric and the score.</summary>
public sealed record SheetHeading(string Campaign, int Year);

/// <summary>
/// A filled sheet as Word: the rubric's own six-column table with 扣分及原因 filled in, subtotals in the merged
/// category and subcategory cells, the total, and the signature block; A4, 仿宋_GB2312 body and 宋体 headings as Chinese
/// government documents use (Word substitutes 仿宋 where the GB2312 face is missing), header row repeated on every
/// page, rows never split across pages.
/// </summary>
public static class SheetDocxWriter
{
    private const string BodyFont = "仿宋_GB2312";
    private const string HeadingFont = "宋体";
    private static readonly int[] s_columns = [1100, 1250, 2700, 2700, 700, 1950]; // twentieths of a point, 10,400 in all

    /// <summary>The rubric itself as Word: the blank table an office sends out.</summary>
    public static void WriteRubric(Stream output, Rubric rubric) => WriteDocument(output, rubric, null, null);

    public static void Write(Stream output, Rubric rubric, SheetScore score, SheetHeading heading) => WriteDocument(output, rubric, score, heading);

    private static void WriteDocument(Stream output, Rubric rubric, SheetScore? score, SheetHeading? heading)
    {
        using var document = WordprocessingDocument.Create(output, WordprocessingDocumentType.Document);
        var main = document.AddMainDocumentPart();
        AddStyles(main);
        var body = new Body();
        if (rubric.Annex is { } annex)
            body.Append(Para(annex, HeadingFont, 28, bold: false, JustificationValues.Left));
        body.Append(Para($"{rubric.Title}（{Points.Format(rubric.Points)}分）", HeadingFont, 36, bold: true, JustificationValues.Center));
        if (score is null || heading is null)
        {
            body.Append(Table(rubric, null));
            Finish(main, body);
            return;
        }
        body.Append(Para($"被考评单位：{score.Target}", BodyFont, 24, bold: false, JustificationValues.Left));
        body.Append(Para($"考评任务：{heading.Campaign}（{heading.Year}年度）", BodyFont, 24, bold: false, JustificationValues.Left));
        body.Append(Table(rubric, score));
        body.Append(Para($"合计得分：{Points.Format(score.Score)}分（满分{Points.Format(score.Points)}分）", HeadingFont, 28, bold: true, JustificationValues.Right));
        body.Append(Para("考评组成员签字：＿＿＿＿＿＿＿＿＿＿＿＿　　被考评单位负责人签字：＿＿＿＿＿＿＿＿", BodyFont, 24, bold: false, JustificationValues.Left));
        body.Append(Para("日期：　　　　年　　月　　日", BodyFont, 24, bold: false, JustificationValues.Right));
        Finish(main, body);
    }

    private static void Finish(MainDocumentPart main, Body body)
    {
        body.Append(new SectionProperties(
            new PageSize { Width = 11906, Height = 16838 },
            new PageMargin { Top = 1134, Right = 737, Bottom = 1134, Left = 737, Header = 567, Footer = 567, Gutter = 0 }));
        main.Document = new Document(body);
        main.Document.Save();
    }

    private static Table Table(Rubric rubric, SheetScore? score)
    {
        var table = new Table(
            new TableProperties(
                new TableWidth { Width = s_columns.Sum().ToString(System.Globalization.CultureInfo.InvariantCulture), Type = TableWidthUnitValues.Dxa },
                new TableBorders(
                    new TopBorder { Val = BorderValues.Single, Size = 4 }, new LeftBorder { Val = BorderValues.Single, Size = 4 },
                    new BottomBorder { Val = BorderValues.Single, Size = 4 }, new RightBorder { Val = BorderValues.Single, Size = 4 },
                    new InsideHorizontalBorder { Val = BorderValues.Single, Size = 4 }, new InsideVerticalBorder { Val = BorderValues.Single, Size = 4 }),
                new TableLayout { Type = TableLayoutValues.Fixed }),
            new TableGrid(s_columns.Select(w => new GridColumn { Width = w.ToString(System.Globalization.CultureInfo.InvariantCulture) })));
        table.Append(Row(header: true, new[] { "指标", "类别", "考评内容及要求", "考评标准", "分值", "扣分及原因" }.Select((h, i) => Cell(i, h, HeadingFont, bold: true, merge: null))));
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
                    var subText = $"{subcategory.Name}\n（{Points.Format(subcategory.Points)}分）" + (subScore is null ? "" : $"\n得分：{Points.Format(subScore.Score)}");
                    var deduction = itemScore is null ? ""
                        : itemScore.Deduction > 0 || itemScore.Reason.Length > 0
                            ? $"扣{Points.Format(itemScore.Deduction)}分，得{Points.Format(itemScore.Score)}分。{itemScore.Reason}"
                            : $"得{Points.Format(itemScore.Score)}分";
                    table.Append(Row(header: false,
                    [
                        Cell(0, firstInCategory ? categoryText : "", BodyFont, bold: true, firstInCategory ? MergedCellValues.Restart : MergedCellValues.Continue),
                        Cell(1, firstInSubcategory ? subText : "", BodyFont, bold: false, firstInSubcategory ? MergedCellValues.Restart : MergedCellValues.Continue),
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

    private static TableRow Row(bool header, IEnumerable<TableCell> cells)
    {
        var properties = new TableRowProperties(new CantSplit());
        if (header)
            properties.Append(new TableHeader());
        var row = new TableRow(properties);
        row.Append(cells);
        return row;
    }

    private static TableCell Cell(int column, string text, string font, bool bold, MergedCellValues? merge)
    {
        var properties = new TableCellProperties(new TableCellWidth { Width = s_columns[column].ToString(System.Globalization.CultureInfo.InvariantCulture), Type = TableWidthUnitValues.Dxa });
        if (merge is { } m)
            properties.Append(new VerticalMerge { Val = m });
        properties.Append(new TableCellVerticalAlignment { Val = column is 0 or 1 or 4 ? TableVerticalAlignmentValues.Center : TableVerticalAlignmentValues.Top });
        var cell = new TableCell(properties);
        var justify = column is 0 or 1 or 4 ? JustificationValues.Center : JustificationValues.Left;
        foreach (var line in text.Split('\n'))
            cell.Append(Para(line, font, 21, bold, justify));
        return cell;
    }

    private static Paragraph Para(string text, string font, int halfPoints, bool bold, JustificationValues justify)
    {
        var runProperties = new RunProperties(new RunFonts { Ascii = "Times New Roman", HighAnsi = "Times New Roman", EastAsia = font });
        if (bold)
            runProperties.Append(new Bold());
        runProperties.Append(new FontSize { Val = halfPoints.ToString(System.Globalization.CultureInfo.InvariantCulture) });
        return new Paragraph(
            new ParagraphProperties(new SpacingBetweenLines { Before = "0", After = "0" }, new Justification { Val = justify }),
            new Run(runProperties, new DocumentFormat.OpenXml.Wordprocessing.Text(text) { Space = SpaceProcessingModeValues.Preserve }));
    }

    private static void AddStyles(MainDocumentPart main)
    {
        var styles = main.AddNewPart<StyleDefinitionsPart>();
        styles.Styles = new Styles(new DocDefaults(
            new RunPropertiesDefault(new RunPropertiesBaseStyle(
                new RunFonts { Ascii = "Times New Roman", HighAnsi = "Times New Roman", EastAsia = BodyFont },
                new FontSize { Val = "24" },
                new Languages { Val = "en-US", EastAsia = "zh-CN" })),
            new ParagraphPropertiesDefault()));
        styles.Styles.Save();
        var fonts = main.AddNewPart<FontTablePart>();
        fonts.Fonts = new Fonts(
            new Font(new AltName { Val = "仿宋" }, new FontCharSet { Val = "86" }) { Name = BodyFont },
            new Font(new AltName { Val = "SimSun" }, new FontCharSet { Val = "86" }) { Name = HeadingFont });
        fonts.Fonts.Save();
    }
}
