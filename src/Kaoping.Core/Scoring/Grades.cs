namespace Kaoping.Scoring;

/// <summary>等次: a grade band of a scheme, reached at a share of the total points.</summary>
public sealed record GradeBand(string Name, decimal MinimumShare);

/// <summary>Grade bands. Until schemes carry their own, the usual ones: 优秀 ≥ 90%, 良好 ≥ 80%, 合格 ≥ 60%, else 不合格.</summary>
public static class Grades
{
    public static IReadOnlyList<GradeBand> Default { get; } =
        [new("优秀", 0.9m), new("良好", 0.8m), new("合格", 0.6m), new("不合格", 0m)];

    public static string Of(decimal score, decimal points, IReadOnlyList<GradeBand>? bands = null)
    {
        var share = points == 0 ? 0 : score / points;
        foreach (var band in bands ?? Default)
        {
            if (share >= band.MinimumShare)
                return band.Name;
        }
        return (bands ?? Default)[^1].Name;
    }
}

/// <summary>How many targets lost points on an item, and how much in all.</summary>
public sealed record ItemDeductions(Rubrics.RubricItem Item, int Targets, decimal TotalLost);

public static class DeductionStatistics
{
    /// <summary>Per item of the rubric, in document order, over the sheets of a campaign.</summary>
    public static IReadOnlyList<ItemDeductions> Of(Rubrics.Rubric rubric, IEnumerable<SheetScore> sheets)
    {
        var items = rubric.Items.ToList();
        var targets = new int[items.Count];
        var lost = new decimal[items.Count];
        foreach (var sheet in sheets)
        {
            var i = 0;
            foreach (var item in sheet.Categories.SelectMany(c => c.Subcategories).SelectMany(s => s.Items))
            {
                var taken = item.Points - item.Score;
                if (taken > 0 && i < items.Count)
                {
                    targets[i]++;
                    lost[i] += taken;
                }
                i++;
            }
        }
        return [.. items.Select((item, i) => new ItemDeductions(item, targets[i], lost[i]))];
    }
}
