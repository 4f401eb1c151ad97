using Kaoping.Rubrics;
using Kaoping.Text;

namespace Kaoping.Scoring;

/// <summary>The checks of an amount entered for a range clause (酌情扣1～3分): within its bounds, with a reason.</summary>
internal static class RangeCheck
{
    public static LocalizedText? Check(RubricItem item, RangeFinding finding)
    {
        if (finding.Clause < 1 || finding.Clause > item.Clauses.Count)
            return LocalizedText.Format("考评项目{0}只有{1}个扣分条款，没有第{2}条。", "item {0} has {1} clause(s); there is no clause {2}.",
                item.Key, item.Clauses.Count, finding.Clause);
        var clause = item.Clauses[finding.Clause - 1];
        if (clause.Kind != ClauseKind.Range)
            return LocalizedText.Format(
                "考评项目{0}第{1}条不是酌情扣分条款，不能填写扣分数；请填写次数，或用人工扣分。",
                "item {0} clause {1} is not a range clause and takes no amount; give a count, or enter a manual deduction.", item.Key, finding.Clause);
        var min = clause.Min ?? 0;
        if (finding.Deduction < min || finding.Deduction > clause.Max)
            return LocalizedText.Format(
                "考评项目{0}第{1}条“{2}”的扣分{3}分不在{4}～{5}分之间。",
                "item {0} clause {1} “{2}”: the deduction {3} is outside {4}–{5}.",
                item.Key, finding.Clause, clause.Condition, finding.Deduction, min, clause.Max);
        if (string.IsNullOrWhiteSpace(finding.Reason))
            return LocalizedText.Format(
                "考评项目{0}第{1}条是酌情扣分条款，必须写明扣{2}分的原因。",
                "item {0} clause {1} is a range clause; the deduction of {2} needs a reason.", item.Key, finding.Clause, finding.Deduction);
        return null;
    }

    public static LocalizedText CountRefused(RubricItem item, int number, Clause clause) => LocalizedText.Format(
        "考评项目{0}第{1}条是酌情扣分条款（{2}～{3}分），请在此范围内填写扣分并写明原因，不能只填次数。",
        "item {0} clause {1} is a range clause ({2}–{3}); enter a deduction within those bounds and a reason, not a count.",
        item.Key, number, clause.Min ?? 0, clause.Max);
}
