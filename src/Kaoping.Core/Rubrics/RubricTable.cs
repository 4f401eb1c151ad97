namespace Kaoping.Rubrics;

/// <summary>A cell's text as its lines, and where it starts.</summary>
public sealed record TableCell(IReadOnlyList<string> Lines, SourcePlace Place)
{
    public static TableCell Empty(SourcePlace place) => new([], place);

    public bool IsBlank => Lines.All(string.IsNullOrWhiteSpace);

    /// <summary>The cell's lines joined as one text: Chinese text broken at any character joins without a space.</summary>
    public string Joined => TextJoin.Lines(Lines);
}

/// <summary>Which column of a rubric table holds what, recognised from the header names.</summary>
public sealed record ColumnMap(int Count, int Category, int? Subcategory, int Requirement, int Criteria, int Points, int? Deduction);

/// <summary>
/// A rubric as a table, before its meaning is read: the lines above the table (附件, title), the column map
/// from the header row, and the data rows. Both the text reader and the Word reader produce this.
/// </summary>
public sealed record RubricTable(
    string Source,
    IReadOnlyList<string> TitleLines,
    ColumnMap Columns,
    IReadOnlyList<IReadOnlyList<TableCell>> Rows);

internal static class TextJoin
{
    public static string Lines(IReadOnlyList<string> lines)
    {
        var sb = new System.Text.StringBuilder();
        foreach (var raw in lines)
        {
            var line = raw.Trim();
            if (line.Length == 0)
                continue;
            // Latin words broken over lines keep a space between them; Chinese text does not.
            if (sb.Length > 0 && IsLatin(sb[^1]) && IsLatin(line[0]))
                sb.Append(' ');
            sb.Append(line);
        }
        return sb.ToString();
    }

    private static bool IsLatin(char c) => c < 0x2E80 && char.IsLetter(c);
}
