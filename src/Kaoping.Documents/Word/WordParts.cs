using System.Globalization;
using DocumentFormat.OpenXml;
using DocumentFormat.OpenXml.Packaging;
using DocumentFormat.OpenXml.Wordprocessing;

namespace Kaoping.Documents.Word;

/// <summary>
/// The pieces of Kaoping's Word documents, in the plain official style: A4, 仿宋_GB2312 body, 宋体 headings and
/// 方正小标宋简体 titles by name (Word substitutes 仿宋/宋体 where a face is missing), bordered tables whose header row
/// repeats on every page and whose rows are never split.
/// </summary>
internal static class WordParts
{
    public const string BodyFont = "仿宋_GB2312";
    public const string HeadingFont = "宋体";
    public const string TitleFont = "方正小标宋简体";

    public static MainDocumentPart Start(WordprocessingDocument document)
    {
        var main = document.AddMainDocumentPart();
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
            new Font(new AltName { Val = "SimSun" }, new FontCharSet { Val = "86" }) { Name = HeadingFont },
            new Font(new AltName { Val = "宋体" }, new FontCharSet { Val = "86" }) { Name = TitleFont });
        fonts.Fonts.Save();
        return main;
    }

    /// <param name="header">A line at the top of every page (such as 草稿), or null for none.</param>
    public static void Finish(MainDocumentPart main, Body body, string? header = null)
    {
        var section = new SectionProperties();
        if (header is not null)
        {
            var part = main.AddNewPart<HeaderPart>();
            part.Header = new Header(Para(header, HeadingFont, 28, bold: true, JustificationValues.Right));
            part.Header.Save();
            section.Append(new HeaderReference { Type = HeaderFooterValues.Default, Id = main.GetIdOfPart(part) });
        }
        section.Append(
            new PageSize { Width = 11906, Height = 16838 },
            new PageMargin { Top = 1134, Right = 737, Bottom = 1134, Left = 737, Header = 567, Footer = 567, Gutter = 0 });
        body.Append(section);
        main.Document = new Document(body);
        main.Document.Save();
    }

    public static Paragraph Para(string text, string font, int halfPoints, bool bold, JustificationValues justify, int firstLineChars = 0)
    {
        var runProperties = new RunProperties(new RunFonts { Ascii = "Times New Roman", HighAnsi = "Times New Roman", EastAsia = font });
        if (bold)
            runProperties.Append(new Bold());
        runProperties.Append(new FontSize { Val = halfPoints.ToString(CultureInfo.InvariantCulture) });
        var properties = new ParagraphProperties(new SpacingBetweenLines { Before = "0", After = "0" });
        if (firstLineChars > 0)
            properties.Append(new Indentation { FirstLineChars = firstLineChars * 100,
                FirstLine = (firstLineChars * halfPoints * 10).ToString(CultureInfo.InvariantCulture) });
        properties.Append(new Justification { Val = justify });
        return new Paragraph(properties,
            new Run(runProperties, new DocumentFormat.OpenXml.Wordprocessing.Text(text) { Space = SpaceProcessingModeValues.Preserve }));
    }

    public static Table Table(IReadOnlyList<int> widths)
    {
        return new Table(
            new TableProperties(
                new TableWidth { Width = widths.Sum().ToString(CultureInfo.InvariantCulture), Type = TableWidthUnitValues.Dxa },
                new TableBorders(
                    new TopBorder { Val = BorderValues.Single, Size = 4 }, new LeftBorder { Val = BorderValues.Single, Size = 4 },
                    new BottomBorder { Val = BorderValues.Single, Size = 4 }, new RightBorder { Val = BorderValues.Single, Size = 4 },
                    new InsideHorizontalBorder { Val = BorderValues.Single, Size = 4 }, new InsideVerticalBorder { Val = BorderValues.Single, Size = 4 }),
                new TableLayout { Type = TableLayoutValues.Fixed }),
            new TableGrid(widths.Select(w => new GridColumn { Width = w.ToString(CultureInfo.InvariantCulture) })));
    }

    public static TableRow Row(bool header, IEnumerable<TableCell> cells)
    {
        var properties = new TableRowProperties(new CantSplit());
        if (header)
            properties.Append(new TableHeader());
        var row = new TableRow(properties);
        row.Append(cells);
        return row;
    }

    public static TableCell Cell(int width, string text, string font, bool bold, bool center, MergedCellValues? merge = null, int halfPoints = 21)
    {
        var properties = new TableCellProperties(new TableCellWidth { Width = width.ToString(CultureInfo.InvariantCulture), Type = TableWidthUnitValues.Dxa });
        if (merge is { } m)
            properties.Append(new VerticalMerge { Val = m });
        properties.Append(new TableCellVerticalAlignment { Val = center ? TableVerticalAlignmentValues.Center : TableVerticalAlignmentValues.Top });
        var cell = new TableCell(properties);
        foreach (var line in text.Split('\n'))
            cell.Append(Para(line, font, halfPoints, bold, center ? JustificationValues.Center : JustificationValues.Left));
        return cell;
    }
}
