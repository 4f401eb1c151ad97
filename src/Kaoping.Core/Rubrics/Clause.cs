namespace Kaoping.Rubrics;

public enum ClauseKind
{
    /// <summary>扣X分 once when the condition holds.</summary>
    Once,

    /// <summary>扣X分 for every occurrence the assessor counts (每少一次, 发现一家…直至此项分值扣完).</summary>
    PerOccurrence,

    /// <summary>不得分: the item scores nothing.</summary>
    ZeroOut,

    /// <summary>加X分, within its cap.</summary>
    Bonus,

    /// <summary>酌情扣X～Y分: the assessor enters an amount within the bounds and a reason.</summary>
    Range,
}

/// <summary>
/// One deduction (or bonus) rule of a criteria text. <paramref name="CountedCondition"/> is the condition with
/// its occurrence phrase turned into a template ("发现{n}家未开展…") for clauses that take a count. A range clause
/// deducts between <paramref name="Min"/> and <see cref="Amount"/> (its maximum). <paramref name="WhenNotMet"/> marks a
/// clause read from positive scoring (完成的得1分): the condition is what must be met, the amount goes when it is not.
/// </summary>
public sealed record Clause(
    string Condition, ClauseKind Kind, decimal Amount, decimal? Cap, string? CountedCondition = null, decimal? Min = null, bool WhenNotMet = false)
{
    public const string CountPlaceholder = "{n}";

    /// <summary>Whether the assessor enters a count (every per-occurrence clause, and a bonus 每…加X分).</summary>
    public bool TakesCount => Kind == ClauseKind.PerOccurrence || CountedCondition is not null;

    /// <summary>The most a range clause deducts; the amount of any other clause.</summary>
    public decimal Max => Amount;

    /// <summary>The condition as a finding names it: “未做到：按时报送” for a clause read from positive scoring.</summary>
    public string FiredCondition => WhenNotMet && Condition.Length > 0 ? "未做到：" + Condition : Condition;
}

/// <summary>What a criteria text does beyond its own item; the scheme applies it, the item only carries it.</summary>
public enum ItemEffect
{
    /// <summary>一票否决, 即为不合格: the target fails whatever its score.</summary>
    Veto,

    /// <summary>所在类别不得分, 考核分清零: the category (or the whole part) scores nothing.</summary>
    ZeroesParent,

    /// <summary>另扣总分, 追加扣除, 在总分中扣除: points taken from the level above the item.</summary>
    DeductsFromParent,
}
