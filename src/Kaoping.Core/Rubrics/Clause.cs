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
}

/// <summary>
/// One deduction (or bonus) rule of a criteria text. <paramref name="CountedCondition"/> is the condition with
/// its occurrence phrase turned into a template ("发现{n}家未开展…") for clauses that take a count.
/// </summary>
public sealed record Clause(string Condition, ClauseKind Kind, decimal Amount, decimal? Cap, string? CountedCondition = null)
{
    public const string CountPlaceholder = "{n}";

    /// <summary>Whether the assessor enters a count (every per-occurrence clause, and a bonus 每…加X分).</summary>
    public bool TakesCount => Kind == ClauseKind.PerOccurrence || CountedCondition is not null;
}
