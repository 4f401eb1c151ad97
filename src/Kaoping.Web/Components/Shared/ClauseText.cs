using Kaoping.Rubrics;
using Kaoping.Text;

namespace Kaoping.Web.Components.Shared;

/// <summary>How a clause reads on a page: its condition and what it takes off.</summary>
public static class ClauseText
{
    public static string Describe(Clause clause, Ui l)
    {
        var amount = Points.Format(clause.Amount);
        var cap = clause.Cap is { } c ? l.T($"，最多{Points.Format(c)}分", $", at most {Points.Format(c)}") : "";
        var what = clause.Kind switch
        {
            ClauseKind.Once => l.T($"扣{amount}分", $"−{amount}"),
            ClauseKind.PerOccurrence => l.T($"每次扣{amount}分", $"−{amount} each"),
            ClauseKind.ZeroOut => l.T("该项不得分", "item scores 0"),
            ClauseKind.Bonus => clause.TakesCount ? l.T($"每次加{amount}分", $"+{amount} each") : l.T($"加{amount}分", $"+{amount}"),
        };
        return (clause.Condition.Length > 0 ? clause.Condition + " — " : "") + what + cap;
    }
}
