using System.Globalization;
using DocumentFormat.OpenXml;
using DocumentFormat.OpenXml.Packaging;
using DocumentFormat.OpenXml.Spreadsheet;
using SheetList = DocumentFormat.OpenXml.Spreadsheet.Sheets;
using XlsxText = DocumentFormat.OpenXml.Spreadsheet.Text;

namespace Kaoping.Documents.Spreadsheets;

/// <summary>How a cell looks: the few styles Kaoping's workbooks need.</summary>
public enum XlsxStyle : uint
{
    Plain = 0,
    Title = 1,
    Header = 2,
    Text = 3,
    TextCentered = 4,
    Number = 5,
    Bold = 6,
    BoldNumber = 7,

    /// <summary>Centred across, at the top: a merged cell that may run over a page break still shows its text.</summary>
    MergedTop = 8,
}

/// <summary>One cell: text or a number (a number is always written as a number, never as text).</summary>
public readonly record struct XlsxCell(string? Text, decimal? Number, XlsxStyle Style)
{
    public static XlsxCell Of(string text, XlsxStyle style = XlsxStyle.Text) => new(text, null, style);

    /// <summary>A number, without trailing zeros (a score computed as 40.0 is written 40, as every other export writes it).</summary>
    public static XlsxCell Of(decimal number, XlsxStyle style = XlsxStyle.Number) => new(null, Kaoping.Text.Points.Normalize(number), style);
}

/// <summary>A worksheet to write: rows of cells, merged ranges, column widths, the rows repeated on every printed page.</summary>
public sealed class XlsxSheet(string name, double[] columnWidths)
{
    public string Name { get; } = name;

    public double[] ColumnWidths { get; } = columnWidths;

    public List<XlsxCell[]> Rows { get; } = [];

    public List<string> Merges { get; } = [];

    /// <summary>1-based rows printed on top of every page (the table's header).</summary>
    public (int First, int Last)? PrintTitleRows { get; set; }

    public bool Landscape { get; set; }

    public int AddRow(params XlsxCell[] cells)
    {
        Rows.Add(cells);
        return Rows.Count;
    }

    public void Merge(int firstRow, int firstColumn, int lastRow, int lastColumn)
    {
        if (firstRow != lastRow || firstColumn != lastColumn)
            Merges.Add($"{Reference(firstRow, firstColumn)}:{Reference(lastRow, lastColumn)}");
    }

    public static string Reference(int row, int column) => ColumnName(column) + row.ToString(CultureInfo.InvariantCulture);

    public static string ColumnName(int column)
    {
        var name = "";
        for (var c = column; c > 0; c = (c - 1) / 26)
            name = (char)('A' + (c - 1) % 26) + name;
        return name;
    }
}

/// <summary>Writes workbooks with the Open XML SDK: A4, fit to the page width, header rows repeated, Chinese fonts.</summary>
public static class XlsxBook
{
    public static void Write(Stream output, params XlsxSheet[] sheets)
    {
        using var document = SpreadsheetDocument.Create(output, SpreadsheetDocumentType.Workbook);
        var workbookPart = document.AddWorkbookPart();
        workbookPart.Workbook = new Workbook();
        AddStyles(workbookPart);
        var sheetList = new SheetList();
        var definedNames = new DefinedNames();
        for (var i = 0; i < sheets.Length; i++)
        {
            var sheet = sheets[i];
            var part = workbookPart.AddNewPart<WorksheetPart>();
            part.Worksheet = Worksheet(sheet);
            sheetList.Append(new Sheet { Name = sheet.Name, SheetId = (uint)(i + 1), Id = workbookPart.GetIdOfPart(part) });
            if (sheet.PrintTitleRows is { } rows)
                definedNames.Append(new DefinedName($"'{sheet.Name}'!${rows.First}:${rows.Last}") { Name = "_xlnm.Print_Titles", LocalSheetId = (uint)i });
        }
        workbookPart.Workbook.Append(sheetList);
        if (definedNames.HasChildren)
            workbookPart.Workbook.Append(definedNames);
        workbookPart.Workbook.Save();
    }

    private static Worksheet Worksheet(XlsxSheet sheet)
    {
        var worksheet = new Worksheet(
            new SheetProperties(new PageSetupProperties { FitToPage = true }),
            new SheetViews(new SheetView { WorkbookViewId = 0 }),
            new SheetFormatProperties { DefaultRowHeight = 15 });
        var columns = new Columns();
        for (var c = 0; c < sheet.ColumnWidths.Length; c++)
            columns.Append(new Column { Min = (uint)(c + 1), Max = (uint)(c + 1), Width = sheet.ColumnWidths[c], CustomWidth = true });
        worksheet.Append(columns);
        var data = new SheetData();
        for (var r = 0; r < sheet.Rows.Count; r++)
        {
            var row = new Row { RowIndex = (uint)(r + 1) };
            if (LinesNeeded(sheet, r) is > 1 and var lines)
            {
                // Excel grows wrapped rows when it opens a file; LibreOffice keeps the stored height: store it.
                row.Height = Math.Min(409, lines * 14.5);
                row.CustomHeight = true;
            }
            for (var c = 0; c < sheet.Rows[r].Length; c++)
            {
                var value = sheet.Rows[r][c];
                var cell = new Cell { CellReference = XlsxSheet.Reference(r + 1, c + 1), StyleIndex = (uint)value.Style };
                if (value.Number is { } number)
                {
                    cell.DataType = CellValues.Number;
                    cell.CellValue = new CellValue(number);
                }
                else if (!string.IsNullOrEmpty(value.Text))
                {
                    cell.DataType = CellValues.InlineString;
                    cell.InlineString = new InlineString(new XlsxText(value.Text) { Space = SpaceProcessingModeValues.Preserve });
                }
                row.Append(cell);
            }
            data.Append(row);
        }
        worksheet.Append(data);
        if (sheet.Merges.Count > 0)
            worksheet.Append(new MergeCells(sheet.Merges.Select(m => new MergeCell { Reference = m })) { Count = (uint)sheet.Merges.Count });
        worksheet.Append(new PageMargins { Left = 0.4, Right = 0.4, Top = 0.6, Bottom = 0.6, Header = 0.3, Footer = 0.3 });
        worksheet.Append(new PageSetup
        {
            PaperSize = 9, // A4
            FitToWidth = 1,
            FitToHeight = 0,
            Orientation = sheet.Landscape ? OrientationValues.Landscape : OrientationValues.Portrait,
        });
        return worksheet;
    }

    // Lines a row's wrapped text takes: a Chinese character is about two width units of a column.
    private static int LinesNeeded(XlsxSheet sheet, int row)
    {
        var merged = sheet.Merges.Select(m => m.Split(':')).Where(m => m[0] != m[1]).ToList();
        var lines = 1;
        for (var c = 0; c < sheet.Rows[row].Length && c < sheet.ColumnWidths.Length; c++)
        {
            var text = sheet.Rows[row][c].Text;
            if (string.IsNullOrEmpty(text) || IsMergedOrTitle(sheet, row, c))
                continue;
            var width = Math.Max(1, sheet.ColumnWidths[c] - 1);
            var needed = text.Split('\n').Sum(part => (int)Math.Ceiling(Math.Max(1, part.Sum(ch => ch > 0x2E80 ? 2.0 : 1.1)) / width));
            lines = Math.Max(lines, needed);
        }
        return lines;
    }

    // merged cells (a title, a category over many rows) do not size the row they start in
    private static bool IsMergedOrTitle(XlsxSheet sheet, int row, int column)
    {
        var reference = XlsxSheet.Reference(row + 1, column + 1);
        return sheet.Merges.Any(m => m.StartsWith(reference + ":", StringComparison.Ordinal));
    }

    private static void AddStyles(WorkbookPart workbookPart)
    {
        var styles = workbookPart.AddNewPart<WorkbookStylesPart>();
        static Font Font(string name, double size, bool bold)
        {
            var font = new Font();
            if (bold)
                font.Append(new Bold());
            font.Append(new FontSize { Val = size }, new FontName { Val = name }, new FontCharSet { Val = 134 });
            return font;
        }
        static Border Thin() => new(
            new LeftBorder { Style = BorderStyleValues.Thin }, new RightBorder { Style = BorderStyleValues.Thin },
            new TopBorder { Style = BorderStyleValues.Thin }, new BottomBorder { Style = BorderStyleValues.Thin }, new DiagonalBorder());
        static CellFormat Format(uint font, uint border, HorizontalAlignmentValues horizontal, bool wrap, uint numberFormat = 0, bool top = false) =>
            new(new Alignment { Horizontal = horizontal, Vertical = top ? VerticalAlignmentValues.Top : VerticalAlignmentValues.Center, WrapText = wrap })
            {
                FontId = font, FillId = 0, BorderId = border, NumberFormatId = numberFormat,
                ApplyFont = true, ApplyBorder = border > 0, ApplyAlignment = true, ApplyNumberFormat = numberFormat > 0,
            };
        styles.Stylesheet = new Stylesheet(
            new NumberingFormats(new NumberingFormat { NumberFormatId = 164, FormatCode = "0.##" }) { Count = 1 },
            new Fonts(Font("宋体", 11, false), Font("宋体", 16, true), Font("宋体", 11, true), Font("仿宋_GB2312", 11, false)) { Count = 4 },
            new Fills(new Fill(new PatternFill { PatternType = PatternValues.None }),
                new Fill(new PatternFill { PatternType = PatternValues.Gray125 })) { Count = 2 },
            new Borders(new Border(new LeftBorder(), new RightBorder(), new TopBorder(), new BottomBorder(), new DiagonalBorder()), Thin()) { Count = 2 },
            new CellFormats(
                new CellFormat { FontId = 0, FillId = 0, BorderId = 0, NumberFormatId = 0 },
                Format(1, 0, HorizontalAlignmentValues.Center, false),
                Format(2, 1, HorizontalAlignmentValues.Center, true),
                Format(3, 1, HorizontalAlignmentValues.Left, true),
                Format(3, 1, HorizontalAlignmentValues.Center, true),
                Format(3, 1, HorizontalAlignmentValues.Center, false, 164),
                Format(2, 1, HorizontalAlignmentValues.Center, true),
                Format(2, 1, HorizontalAlignmentValues.Center, false, 164),
                Format(3, 1, HorizontalAlignmentValues.Center, true, top: true)) { Count = 9 });
        styles.Stylesheet.Save();
    }
}
