using Kaoping.Rubrics;
using Kaoping.Text;

namespace Kaoping.Scoring;

/// <summary>Checks findings against a rubric: every item and clause must exist, counts fit their clause, manual deductions carry a reason.</summary>
public static class FindingsValidator
{
    /// <summary>More occurrences than any spot check finds; larger counts are typing mistakes.</summary>
    public const int MaxCount = 100_000;

    /// <summary>The same bound as the API's (<see cref="FindingReader.MaxPerItem"/>), for whole sheets of findings.</summary>
    public const int MaxPerItem = FindingReader.MaxPerItem;

    /// <summary>The first problem of the finding, or null when it may be scored.</summary>
    public static LocalizedText? Check(Rubric rubric, Finding finding)
    {
        if (rubric.Find(finding.Item) is not { } item)
            return LocalizedText.Format(
                "没有考评项目“{0}”（考评细则共{1}项，编号如“1.1.2”表示第1个指标第1个类别的第2项）。",
                "there is no item “{0}” (the rubric has {1} items; a key such as “1.1.2” means category 1, subcategory 1, item 2).",
                finding.Item, rubric.ItemCount);
        if (finding is RangeFinding range)
            return RangeCheck.Check(item, range);
        switch (finding)
        {
            case ClauseFinding f when f.Clause < 1 || f.Clause > item.Clauses.Count:
                return item.Clauses.Count == 0
                    ? LocalizedText.Format("考评项目{0}没有可自动计分的扣分条款，请用人工扣分并写明原因。",
                        "item {0} has no scorable clause; enter a manual deduction with a reason.", item.Key)
                    : LocalizedText.Format("考评项目{0}只有{1}个扣分条款，没有第{2}条。",
                        "item {0} has {1} clause(s); there is no clause {2}.", item.Key, item.Clauses.Count, f.Clause);
            case ClauseFinding { Count: > MaxCount } f:
                return LocalizedText.Format("考评项目{0}第{1}条的次数{2}过大（最多{3}）。",
                    "item {0} clause {1}: the count {2} is too large (at most {3}).", item.Key, f.Clause, f.Count, MaxCount);
            case ManualDeduction { Deduction: > ClauseExtractor.MaxAmount } m:
                return LocalizedText.Format("考评项目{0}的人工扣分{1}过大。", "item {0}: the manual deduction {1} is too large.", item.Key, m.Deduction);
            case ClauseFinding { Count: < 0 } f:
                return LocalizedText.Format("考评项目{0}第{1}条的次数不能为负数（读到{2}）。",
                    "item {0} clause {1}: the count cannot be negative (got {2}).", item.Key, f.Clause, f.Count);
            case ClauseFinding f when item.Clauses[f.Clause - 1] is { Kind: ClauseKind.Range } clause:
                return RangeCheck.CountRefused(item, f.Clause, clause);
            case ClauseFinding { Count: > 1 } f when !item.Clauses[f.Clause - 1].TakesCount:
                return LocalizedText.Format("考评项目{0}第{1}条是一次性扣分条款，次数只能是0或1（读到{2}）。",
                    "item {0} clause {1} applies once; its count can only be 0 or 1 (got {2}).", item.Key, f.Clause, f.Count);
            case ManualDeduction m when string.IsNullOrWhiteSpace(m.Reason):
                return LocalizedText.Format("考评项目{0}的人工扣分必须写明原因。", "item {0}: a manual deduction needs a reason.", item.Key);
            case ManualDeduction { Deduction: <= 0 } m:
                return LocalizedText.Format("考评项目{0}的人工扣分必须大于0（读到{1}）。", "item {0}: a manual deduction must be more than 0 (got {1}).", item.Key, m.Deduction);
            default:
                return null;
        }
    }

    /// <summary>Checks every finding, that no clause is named twice for one item, and that no item has more than <see cref="MaxPerItem"/>.</summary>
    public static IReadOnlyList<(int Index, LocalizedText Problem)> Validate(Rubric rubric, IReadOnlyList<Finding> findings)
    {
        var problems = new List<(int, LocalizedText)>();
        var seen = new HashSet<(ItemKey, int)>();
        var perItem = new Dictionary<ItemKey, int>();
        for (var i = 0; i < findings.Count; i++)
        {
            var item = findings[i].Item;
            if ((perItem[item] = perItem.GetValueOrDefault(item) + 1) == MaxPerItem + 1)
                problems.Add((i, LocalizedText.Format("考评项目{0}的扣分超过{1}条；请合并同一条款的发现（用次数 count 表示）。",
                    "item {0} has more than {1} findings; combine the findings of one clause (give their number as its count).", item, MaxPerItem)));
            if (Check(rubric, findings[i]) is { } problem)
                problems.Add((i, problem));
            else if (ClauseOf(findings[i]) is { } f && !seen.Add(f))
                problems.Add((i, LocalizedText.Format("考评项目{0}第{1}条重复出现；同一条款请只写一次，多次发现用次数（count）表示。",
                    "item {0} clause {1} appears twice; name a clause once and give the number of occurrences as its count.", f.Item1, f.Item2)));
        }
        return problems;
    }

    private static (ItemKey, int)? ClauseOf(Finding finding) => finding switch
    {
        ClauseFinding f => (f.Item, f.Clause),
        RangeFinding r => (r.Item, r.Clause),
        _ => null,
    };
}
