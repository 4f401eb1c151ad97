using Kaoping.Text;

namespace Kaoping.Rubrics;

/// <summary>How a clause reads to an assessor: what it takes off (or adds), in both languages.</summary>
public static class ClauseDescription
{
    public static LocalizedText Effect(this Clause clause)
    {
        var amount = Points.Format(clause.Amount);
        var effect = clause.Kind switch
        {
            ClauseKind.Once => new LocalizedText($"扣{amount}分", $"deduct {amount}"),
            ClauseKind.PerOccurrence => new LocalizedText($"每次扣{amount}分", $"deduct {amount} each"),
            ClauseKind.ZeroOut => new LocalizedText("该项不得分", "the item scores 0"),
            ClauseKind.Bonus => clause.TakesCount ? new LocalizedText($"每次加{amount}分", $"add {amount} each")
                : new LocalizedText($"加{amount}分", $"add {amount}"),
            ClauseKind.Range => new LocalizedText(
                $"酌情扣{Points.Format(clause.Min ?? 0)}～{amount}分", $"deduct {Points.Format(clause.Min ?? 0)}–{amount} as judged"),
        };
        return clause.Cap is { } cap
            ? new LocalizedText($"{effect.Zh}，最多{Points.Format(cap)}分", $"{effect.En}, at most {Points.Format(cap)}")
            : effect;
    }

    /// <summary>The condition and its effect: “每少一次 — 每次扣0.5分”.</summary>
    public static LocalizedText Describe(this Clause clause)
    {
        var effect = clause.Effect();
        var condition = clause.FiredCondition;
        return condition.Length == 0 ? effect : new LocalizedText($"{condition} — {effect.Zh}", $"{condition} — {effect.En}");
    }
}
