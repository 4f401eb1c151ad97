using Kaoping.Text;

namespace Kaoping.Rubrics;

/// <summary>A place in a rubric where the numbers do not add up or a clause contradicts its points.</summary>
public sealed record RubricProblem(string Path, SourcePlace Place, LocalizedText Message)
{
    public LocalizedText Describe() => LocalizedText.Format("{0}（{1}）：{2}", "{0} ({1}): {2}", Path, Place.Describe(), Message);
}

/// <summary>Checks that points add up at every level and that no clause contradicts its item's points.</summary>
public static class RubricCheck
{
    public static IReadOnlyList<RubricProblem> Check(Rubric rubric)
    {
        var problems = new List<RubricProblem>();
        var firstPlace = rubric.Categories.Count > 0 ? rubric.Categories[0].Place : new SourcePlace("", 0);
        var categorySum = rubric.Categories.Sum(c => c.Points);
        if (categorySum != rubric.Points)
            problems.Add(new(rubric.Title, firstPlace, LocalizedText.Format(
                "各指标分值之和为{0}分，与总分{1}分不符。", "the categories add up to {0}, not the total {1}.", categorySum, rubric.Points)));
        foreach (var category in rubric.Categories)
        {
            var categoryPath = PathOf(category);
            if (category.Subcategories.Count == 0)
                problems.Add(new(categoryPath, category.Place, LocalizedText.Format("没有类别。", "has no subcategory.")));
            var subSum = category.Subcategories.Sum(s => s.Points);
            if (category.Subcategories.Count > 0 && subSum != category.Points)
                problems.Add(new(categoryPath, category.Place, LocalizedText.Format(
                    "各类别分值之和为{0}分，与指标分值{1}分不符。", "its subcategories add up to {0}, not its {1} points.", subSum, category.Points)));
            foreach (var subcategory in category.Subcategories)
            {
                var subPath = categoryPath + " › " + subcategory.Name;
                var itemSum = subcategory.Items.Sum(i => i.Points);
                if (subcategory.Items.Count == 0)
                    problems.Add(new(subPath, subcategory.Place, LocalizedText.Format("没有考评项目。", "has no item.")));
                else if (itemSum != subcategory.Points)
                    problems.Add(new(subPath, subcategory.Place, LocalizedText.Format(
                        "各项分值之和为{0}分，与类别分值{1}分不符。", "its items add up to {0}, not its {1} points.", itemSum, subcategory.Points)));
                foreach (var item in subcategory.Items)
                    CheckItem(item, subPath, problems);
            }
        }
        return problems;
    }

    private static void CheckItem(RubricItem item, string subPath, List<RubricProblem> problems)
    {
        var path = subPath + " › " + (item.Number is { } n ? "第" + n + "项" : "第" + item.Key.Item + "项") + "（" + item.Key + "）";
        if (item.Points <= 0)
            problems.Add(new(path, item.Place, LocalizedText.Format("分值应大于0。", "its points must be more than 0.")));
        for (var c = 0; c < item.Clauses.Count; c++)
        {
            var clause = item.Clauses[c];
            if (clause.Kind != ClauseKind.ZeroOut && clause.Amount > item.Points)
                problems.Add(new(path, item.Place, LocalizedText.Format(
                    "第{0}条“{1}”的{2}{3}分超过该项分值{4}分。", "clause {0} “{1}” {5} {3}, more than the item's {4} points.",
                    c + 1, clause.Condition, clause.Kind == ClauseKind.Bonus ? "加分" : "扣分", clause.Amount, item.Points,
                    clause.Kind == ClauseKind.Bonus ? "adds" : "deducts")));
            if (clause.Cap is { } cap && cap < (clause.Kind == ClauseKind.Range ? clause.Min ?? clause.Amount : clause.Amount))
                problems.Add(new(path, item.Place, LocalizedText.Format(
                    "第{0}条“{1}”的上限{2}分小于每次的{3}分。", "clause {0} “{1}” has a cap of {2}, less than its amount {3}.",
                    c + 1, clause.Condition, cap, clause.Amount)));
        }
    }

    private static string PathOf(Category category) =>
        (category.Code is { } code ? code + "、" : "") + category.Name;
}
