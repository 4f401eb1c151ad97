using System.Net;
using System.Text;
using Kaoping.Rubrics;

namespace Kaoping.Documents.Tests.Rubrics;

/// <summary>A rubric table as an HTML table with rowspans: LibreOffice turns it into a Word table with merged cells.</summary>
internal static class HtmlTable
{
    public static string FromTable(RubricTable table)
    {
        var html = new StringBuilder("<html><head><meta charset=\"utf-8\"></head><body>");
        foreach (var line in table.TitleLines)
            html.Append("<p>").Append(WebUtility.HtmlEncode(line)).Append("</p>");
        html.Append("<table border=\"1\"><tr><td>指标</td><td>类别</td><td>考评内容及要求</td><td>考评标准</td><td>分值</td><td>扣分及原因</td></tr>");
        var rows = table.Rows;
        var c = table.Columns;
        for (var r = 0; r < rows.Count; r++)
        {
            html.Append("<tr>");
            foreach (var merged in new[] { c.Category, c.Subcategory!.Value })
            {
                if (!rows[r][merged].IsBlank)
                {
                    var span = 1;
                    while (r + span < rows.Count && rows[r + span][merged].IsBlank && (merged == c.Category || rows[r + span][c.Category].IsBlank))
                        span++;
                    html.Append("<td rowspan=\"").Append(span).Append("\">").Append(Cell(rows[r][merged])).Append("</td>");
                }
            }
            foreach (var plain in new[] { c.Requirement, c.Criteria, c.Points, c.Deduction!.Value })
                html.Append("<td>").Append(Cell(rows[r][plain])).Append("</td>");
            html.Append("</tr>");
        }
        return html.Append("</table></body></html>").ToString();
    }

    private static string Cell(TableCell cell) =>
        string.Join("<br>", cell.Lines.Where(l => l.Trim().Length > 0).Select(l => WebUtility.HtmlEncode(l.Trim())));
}
