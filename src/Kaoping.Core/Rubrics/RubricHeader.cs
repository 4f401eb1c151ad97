namespace Kaoping.Rubrics;

/// <summary>Recognises the header row of a rubric table by its column names, in any order.</summary>
public static class RubricHeader
{
    private enum Column { Category, Subcategory, Requirement, Criteria, Points, Deduction, Other }

    // Names used for the six columns across years, townships and departments.
    private static readonly (Column Column, string[] Names)[] s_names =
    [
        (Column.Category, ["指标", "一级指标", "考评指标", "考核指标", "考评项目", "考核项目", "项目"]),
        (Column.Subcategory, ["类别", "二级指标", "考评类别", "考核类别", "考评内容类别", "子项目"]),
        (Column.Requirement, ["考评内容及要求", "考核内容及要求", "考评内容", "考核内容", "工作内容及要求", "内容及要求", "工作要求", "目标要求", "考评要求", "考核要求"]),
        (Column.Criteria, ["考评标准", "考核标准", "评分标准", "扣分标准", "考评方法及标准", "考核方法及评分标准", "评分办法", "考评办法"]),
        (Column.Points, ["分值", "标准分", "标准分值", "分数", "分值（分）", "分值(分)", "满分"]),
        (Column.Deduction, ["扣分及原因", "扣分原因", "扣分情况", "扣分及理由", "得分及扣分原因", "扣分"]),
        // columns a rubric may add that carry nothing to read
        (Column.Other, ["序号", "编号", "备注", "说明", "责任单位", "牵头单位", "得分", "自评得分", "自评分", "考评得分"]),
    ];

    /// <summary>Whether a cell's text is one of the known header names.</summary>
    public static bool IsHeaderName(string text) => Recognize(text) is not null;

    /// <summary>Maps header names to columns; null when the names are not a rubric header.</summary>
    public static ColumnMap? Map(IReadOnlyList<string> headerCells)
    {
        var found = new Dictionary<Column, int>();
        for (var i = 0; i < headerCells.Count; i++)
        {
            if (Recognize(headerCells[i]) is not { } column || column != Column.Other && !found.TryAdd(column, i))
                return null;
        }
        if (!found.ContainsKey(Column.Category) || !found.ContainsKey(Column.Requirement)
            || !found.ContainsKey(Column.Criteria) || !found.ContainsKey(Column.Points))
            return null;
        return new ColumnMap(
            headerCells.Count,
            found[Column.Category],
            found.TryGetValue(Column.Subcategory, out var s) ? s : null,
            found[Column.Requirement],
            found[Column.Criteria],
            found[Column.Points],
            found.TryGetValue(Column.Deduction, out var d) ? d : null);
    }

    public static string ExpectedNames => "指标、类别、考评内容及要求、考评标准、分值、扣分及原因";

    private static Column? Recognize(string text)
    {
        var name = Normalize(text);
        foreach (var (column, names) in s_names)
        {
            if (names.Contains(name))
                return column;
        }
        return null;
    }

    private static string Normalize(string text) =>
        new([.. text.Where(c => !char.IsWhiteSpace(c) && c != '\u3000')]);
}
