using System.Text;

namespace Kaoping.Rubrics;

/// <summary>
/// Writes a rubric table in the table-text layout the text reader reads: a rubric imported from Word is stored this
/// way, so every stored rubric is read again by one reader.
/// </summary>
public static class TextRubricWriter
{
    public static string Write(RubricTable table)
    {
        var text = new StringBuilder();
        foreach (var line in table.TitleLines)
            text.Append(Clean(line)).Append('\n');
        var columns = Columns(table.Columns);
        foreach (var (name, _) in columns)
            text.Append('\t').Append(name).Append('\n');
        foreach (var row in table.Rows)
        {
            foreach (var (_, index) in columns)
            {
                var lines = index is { } i ? row[i].Lines : [];
                text.Append('\t').Append(lines.Count > 0 ? Clean(lines[0]) : "").Append('\n');
                // continuation lines never start with a tab; a blank one keeps the line break of the original
                foreach (var line in lines.Skip(1))
                    text.Append(Clean(line).TrimStart()).Append('\n');
            }
        }
        return text.ToString();
    }

    private static List<(string Name, int? Index)> Columns(ColumnMap map) =>
    [
        ("指标", map.Category),
        ("类别", map.Subcategory),
        ("考评内容及要求", map.Requirement),
        ("考评标准", map.Criteria),
        ("分值", map.Points),
        ("扣分及原因", map.Deduction),
    ];

    private static string Clean(string line) => line.Replace('\t', ' ').Replace('\r', ' ').Replace('\n', ' ');
}
