using Kaoping.Documents.Sheets;
using Kaoping.Rubrics;
using Kaoping.Scoring;
using Kaoping.Text;
using PdfSharp.Drawing;
using PdfSharp.Pdf;

namespace Kaoping.Documents.Pdf;

/// <summary>
/// A filled sheet as PDF, in the layout of the Word sheet: A4, the six-column table with category and subcategory
/// cells merged down their rows (their names repeated where a page break cuts them), the header row on every page,
/// rows never split, the total and the signature block. The Chinese text is embedded as a font subset and extractable.
/// </summary>
public static class SheetPdfWriter
{
    private const double Margin = 36;
    private const double LineHeight = 12.5;
    private const double Padding = 3;
    private static readonly double[] s_shares = [1100, 1250, 2700, 2700, 700, 1950];

    public static void Write(Stream output, Rubric rubric, SheetScore score, SheetHeading heading)
    {
        ChineseFont.Install();
        using var document = new PdfDocument();
        document.Info.Title = $"{score.Target} {rubric.Title}";
        var page = new Pager(document);
        page.Text($"{rubric.Annex}", 11, false, XStringFormats.TopLeft);
        page.Text($"{rubric.Title}（{Points.Format(rubric.Points)}分）", 15, true, XStringFormats.TopCenter);
        page.Text($"被考评单位：{score.Target}", 10.5, false, XStringFormats.TopLeft);
        page.Text($"考评任务：{heading.Campaign}（{heading.Year}年度）", 10.5, false, XStringFormats.TopLeft);
        page.Table(Rows(rubric, score, heading));
        page.Text($"合计得分：{Points.Format(score.Score)}分（满分{Points.Format(score.Points)}分）", 12, true, XStringFormats.TopRight);
        page.Text("考评组成员签字：＿＿＿＿＿＿＿＿＿＿　　被考评单位负责人签字：＿＿＿＿＿＿＿＿", 10.5, false, XStringFormats.TopLeft);
        page.Text("日期：　　　　年　　月　　日", 10.5, false, XStringFormats.TopRight);
        document.Save(output, closeStream: false);
    }

    private sealed record PdfRow(string[] Cells, string Category, string Subcategory, bool NewCategory, bool NewSubcategory);

    private static List<PdfRow> Rows(Rubric rubric, SheetScore score, SheetHeading heading)
    {
        var rows = new List<PdfRow>();
        foreach (var (category, categoryScore) in rubric.Categories.Zip(score.Categories))
        {
            var categoryText =
                $"{(category.Code is { } code ? code + "、" : "")}{category.Name}\n（{Points.Format(category.Points)}分）\n得分：{Points.Format(categoryScore.Score)}";
            var newCategory = true;
            foreach (var (subcategory, subScore) in category.Subcategories.Zip(categoryScore.Subcategories))
            {
                var subText = $"{subcategory.Name}\n（{Points.Format(subcategory.Points)}分）\n得分：{Points.Format(subScore.Score)}";
                var newSubcategory = true;
                foreach (var (item, itemScore) in subcategory.Items.Zip(subScore.Items))
                {
                    var deduction = heading.ItemText(itemScore, withScore: true);
                    rows.Add(new PdfRow(["", "", (item.Number is { } n ? n + "." : "") + item.Requirement, item.Criteria,
                        Points.Format(item.Points) + "分", deduction],
                        categoryText, subText, newCategory, newSubcategory));
                    newCategory = newSubcategory = false;
                }
            }
        }
        return rows;
    }

    /// <summary>Pages with a cursor: text flows down, a table row that does not fit starts a new page.</summary>
    private sealed class Pager(PdfDocument document)
    {
        private readonly Dictionary<(char, double, bool), double> _widths = [];
        private XGraphics? _gfx;
        private PdfPage? _page;
        private double _y;

        private XGraphics Gfx => _gfx ?? NewPage();

        private double Width => (_page?.Width.Point ?? 595) - 2 * Margin;

        private double Bottom => (_page?.Height.Point ?? 842) - Margin;

        private XGraphics NewPage()
        {
            _gfx?.Dispose();
            _page = document.AddPage();
            _page.Size = PdfSharp.PageSize.A4;
            _gfx = XGraphics.FromPdfPage(_page);
            _y = Margin;
            return _gfx;
        }

        public void Text(string text, double size, bool bold, XStringFormat format)
        {
            var font = new XFont(ChineseFont.Family, size, bold ? XFontStyleEx.Bold : XFontStyleEx.Regular);
            var lines = Wrap(text, font, size, bold, Width);
            if (_y + lines.Count * (size + 4) > Bottom)
                NewPage();
            foreach (var line in lines)
            {
                Gfx.DrawString(line, font, XBrushes.Black, new XRect(Margin, _y, Width, size + 4), format);
                _y += size + 4;
            }
            _y += 3;
        }

        public void Table(List<PdfRow> rows)
        {
            var widths = s_shares.Select(s => s / s_shares.Sum() * Width).ToArray();
            var font = new XFont(ChineseFont.Family, 9, XFontStyleEx.Regular);
            var bold = new XFont(ChineseFont.Family, 9, XFontStyleEx.Bold);
            string[] header = ["指标", "类别", "考评内容及要求", "考评标准", "分值", "扣分及原因"];
            DrawRow(header, widths, bold, header: true, drawTop: [true, true]);
            var firstOnPage = false;
            foreach (var row in rows)
            {
                var cells = (string[])row.Cells.Clone();
                // a merged name shows where its group starts, and again at the top of a page it runs onto
                cells[0] = row.NewCategory || firstOnPage ? row.Category : "";
                cells[1] = row.NewSubcategory || firstOnPage ? row.Subcategory : "";
                var height = Height(cells, widths, font);
                if (_y + height > Bottom)
                {
                    NewPage();
                    DrawRow(header, widths, bold, header: true, drawTop: [true, true]);
                    cells[0] = row.Category;
                    cells[1] = row.Subcategory;
                }
                firstOnPage = false;
                DrawRow(cells, widths, font, header: false, drawTop: [cells[0].Length > 0, cells[1].Length > 0]);
                if (_y + LineHeight * 2 > Bottom)
                    firstOnPage = true;
            }
            var gfx = Gfx;
            gfx.DrawLine(XPens.Black, Margin, _y, Margin + widths.Sum(), _y);
            _y += 6;
        }

        private double Height(string[] cells, double[] widths, XFont font) =>
            cells.Select((c, i) => Wrap(c, font, font.Size, font.Bold, widths[i] - 2 * Padding).Count).Max() * LineHeight + 2 * Padding;

        private void DrawRow(string[] cells, double[] widths, XFont font, bool header, bool[] drawTop)
        {
            var height = Height(cells, widths, font);
            if (_y + height > Bottom)
                NewPage();
            var gfx = Gfx;
            var x = Margin;
            for (var i = 0; i < cells.Length; i++)
            {
                var center = header || i is 0 or 1 or 4;
                var lines = Wrap(cells[i], font, font.Size, font.Bold, widths[i] - 2 * Padding);
                var ty = _y + Padding;
                foreach (var line in lines)
                {
                    gfx.DrawString(line, font, XBrushes.Black, new XRect(x + Padding, ty, widths[i] - 2 * Padding, LineHeight),
                        center ? XStringFormats.TopCenter : XStringFormats.TopLeft);
                    ty += LineHeight;
                }
                // merged columns draw their top border only where a group starts
                if (i > 1 || drawTop[i])
                    gfx.DrawLine(XPens.Black, x, _y, x + widths[i], _y);
                gfx.DrawLine(XPens.Black, x, _y, x, _y + height);
                x += widths[i];
            }
            gfx.DrawLine(XPens.Black, x, _y, x, _y + height);
            _y += height;
        }

        // Chinese text breaks at any character; explicit line breaks are kept.
        private List<string> Wrap(string text, XFont font, double size, bool bold, double width)
        {
            var lines = new List<string>();
            foreach (var paragraph in text.Split('\n'))
            {
                var line = new System.Text.StringBuilder();
                var used = 0.0;
                foreach (var c in paragraph)
                {
                    var w = CharWidth(c, font, size, bold);
                    if (used + w > width && line.Length > 0)
                    {
                        lines.Add(line.ToString());
                        line.Clear();
                        used = 0;
                    }
                    line.Append(c);
                    used += w;
                }
                lines.Add(line.ToString());
            }
            return lines;
        }

        private double CharWidth(char c, XFont font, double size, bool bold)
        {
            if (!_widths.TryGetValue((c, size, bold), out var width))
                _widths[(c, size, bold)] = width = Gfx.MeasureString(c.ToString(), font).Width;
            return width;
        }
    }
}
