using Kaoping.Rubrics;
using Kaoping.Text;

namespace Kaoping.Scoring;

/// <summary>
/// Scores a target's sheet exactly as SCORING.md says. Pure: the same rubric and findings give the same score.
/// Scores may carry trailing zeros (1.0); they compare equal, and JSON and <see cref="Points.Format"/> print them without.
/// </summary>
public static partial class Scorer
{
    // a manual reason that already says 扣0.5分 at its end
    [System.Text.RegularExpressions.GeneratedRegex(@"扣\s*[0-9０-９.．]+\s*分$")]
    private static partial System.Text.RegularExpressions.Regex StatesAmount();

    public static SheetScore Score(Rubric rubric, SheetFindings sheet) => Score(rubric, sheet.Target, sheet.Findings);

    public static SheetScore Score(Rubric rubric, string target, IReadOnlyList<Finding> findings)
    {
        var tallies = new ItemTally?[rubric.ItemCount];
        foreach (var finding in findings)
        {
            if (FindingsValidator.Check(rubric, finding) is { } problem)
                throw new InvalidInputException(problem);
            var at = rubric.PositionOf(finding.Item);
            (tallies[at] ??= new ItemTally()).Add(rubric.Find(finding.Item)!, finding);
        }

        var position = 0;
        var categories = new List<CategoryScore>(rubric.Categories.Count);
        var total = 0m;
        foreach (var category in rubric.Categories)
        {
            var subcategories = new List<SubcategoryScore>(category.Subcategories.Count);
            var categoryScore = 0m;
            foreach (var subcategory in category.Subcategories)
            {
                var items = new ItemScore[subcategory.Items.Count];
                var subcategoryScore = 0m;
                for (var i = 0; i < items.Length; i++)
                {
                    var item = subcategory.Items[i];
                    items[i] = tallies[position++]?.Score(item) ?? FullMarks(item);
                    subcategoryScore += items[i].Score;
                }
                subcategories.Add(new SubcategoryScore(subcategory.Name, subcategory.Points, subcategoryScore, items));
                categoryScore += subcategoryScore;
            }
            categories.Add(new CategoryScore(category.Code, category.Name, category.Points, categoryScore, subcategories));
            total += categoryScore;
        }
        return new SheetScore(target, rubric.Points, total, categories);
    }

    /// <summary>One item's score, as <see cref="Score(Rubric, string, IReadOnlyList{Finding})"/> gives it,
    /// from the findings of that item among <paramref name="findings"/>.</summary>
    public static ItemScore ScoreItem(Rubric rubric, ItemKey key, IEnumerable<Finding> findings)
    {
        var item = rubric.Find(key) ?? throw new ArgumentException($"The rubric has no item {key}.", nameof(key));
        ItemTally? tally = null;
        foreach (var finding in findings)
        {
            if (finding.Item != key)
                continue;
            if (FindingsValidator.Check(rubric, finding) is { } problem)
                throw new InvalidInputException(problem);
            (tally ??= new ItemTally()).Add(item, finding);
        }
        return tally?.Score(item) ?? FullMarks(item);
    }

    // Most items of a sheet have no findings; their score depends on the item alone and is shared (records are immutable).
    private static readonly System.Runtime.CompilerServices.ConditionalWeakTable<RubricItem, ItemScore> s_fullMarks = [];

    /// <summary>An item without findings: full points, or nothing earned yet for a bonus item.</summary>
    private static ItemScore FullMarks(RubricItem item) =>
        s_fullMarks.GetValue(item, i => new(i.Key, i.Points, 0, 0, i.IsBonusItem ? 0 : i.Points, ""));

    /// <summary>What the findings of one item add up to, and the parts of its reason.</summary>
    private sealed class ItemTally
    {
        private readonly List<string> _reasons = [];
        private decimal _deductions;
        private decimal _bonuses;
        private int _alternativesFired;

        public void Add(RubricItem item, Finding finding)
        {
            switch (finding)
            {
                case ClauseFinding f when f.Count > 0:
                    AddClause(item.Clauses[f.Clause - 1], f.Count, item);
                    break;
                case RangeFinding r:
                    AddRange(item.Clauses[r.Clause - 1], r);
                    break;
                case ManualDeduction m:
                    _deductions += m.Deduction;
                    var reason = m.Reason.Trim().TrimEnd('。', '；', '，');
                    _reasons.Add(StatesAmount().IsMatch(reason) ? reason : reason + "，扣" + Points.Format(m.Deduction) + "分");
                    break;
            }
        }

        // 隐患排查治理职责不明确（两个村未明确），扣1分
        private void AddRange(Clause clause, RangeFinding finding)
        {
            var deduction = Capped(finding.Deduction, clause.Cap, out var cut);
            var why = finding.Reason.Trim().TrimEnd('。', '；', '，');
            var note = cut ? "（此条最多扣" + Points.Format(clause.Cap!.Value) + "分）" : "";
            _deductions += deduction;
            _reasons.Add((clause.Condition.Length == 0 ? why : clause.Condition + "（" + why + "）") + "，扣" + Points.Format(deduction) + "分" + note);
        }

        private void AddClause(Clause clause, int count, RubricItem item)
        {
            var what = clause.CountedCondition is { } counted
                ? counted.Replace(Clause.CountPlaceholder, count.ToString(System.Globalization.CultureInfo.InvariantCulture), StringComparison.Ordinal)
                : clause.FiredCondition;
            var lead = what.Length == 0 ? "" : what + "，";
            var (deduction, bonus, reason) = clause.Kind switch
            {
                ClauseKind.ZeroOut => (item.Points, 0m, lead + "此项不得分"),
                ClauseKind.Once or ClauseKind.PerOccurrence => Deduct(clause, count, lead),
                ClauseKind.Bonus => Add(clause, count, lead),
                ClauseKind.Range => throw new InvalidOperationException(
                    "A range clause takes an amount (RangeFinding); FindingsValidator refuses a count for it."),
            };
            _deductions += deduction;
            if (item.BonusAlternatives && bonus > 0)
                _alternativesFired++;
            _bonuses = item.BonusAlternatives ? Math.Max(_bonuses, bonus) : _bonuses + bonus;
            _reasons.Add(reason);
        }

        private static (decimal, decimal, string) Deduct(Clause clause, int count, string lead)
        {
            var deduction = Capped(clause.Amount * count, clause.Cap, out var cut);
            var note = cut ? "（此条最多扣" + Points.Format(clause.Cap!.Value) + "分）" : "";
            return (deduction, 0m, lead + "扣" + Points.Format(deduction) + "分" + note);
        }

        private static (decimal, decimal, string) Add(Clause clause, int count, string lead)
        {
            var bonus = Capped(clause.Amount * count, clause.Cap, out var cut);
            var note = cut ? "（此条最多加" + Points.Format(clause.Cap!.Value) + "分）" : "";
            return (0m, bonus, lead + "加" + Points.Format(bonus) + "分" + note);
        }

        private static decimal Capped(decimal value, decimal? cap, out bool cut)
        {
            cut = cap is { } c && value > c;
            return cut ? cap!.Value : value;
        }

        public ItemScore Score(RubricItem item)
        {
            decimal deduction, bonus, score;
            var exhausted = false;
            if (item.IsBonusItem)
            {
                bonus = Math.Min(item.Points, _bonuses);
                deduction = Math.Min(bonus, _deductions);
                score = bonus - deduction;
            }
            else
            {
                exhausted = _deductions > item.MaxDeduction;
                deduction = Math.Min(item.MaxDeduction, _deductions);
                bonus = Math.Min(deduction, _bonuses);
                score = item.Points - deduction + bonus;
            }
            var reason = string.Join("；", _reasons);
            if (_alternativesFired > 1)
                reason += "；同一事项按最高级别计" + Points.Format(_bonuses) + "分";
            if (exhausted)
                reason += item.MaxDeduction < item.Points
                    ? "；此项最多扣" + Points.Format(item.MaxDeduction) + "分"
                    : "；已扣完此项分值（" + Points.Format(item.Points) + "分）";
            return new ItemScore(item.Key, item.Points, deduction, bonus, score, reason);
        }
    }
}
