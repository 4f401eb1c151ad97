namespace Kaoping.Data.Entities;

public enum AdjustmentKind
{
    /// <summary>安委办认定的一票否决（方案的否决事项）</summary>
    Veto,

    /// <summary>加分（加分细则的条款）</summary>
    Bonus,
}

/// <summary>
/// What the office sets for a target's result beyond its sheets: a veto of the scheme, or a bonus clause of the bonus
/// rubric with its count, each with the reason. Removed when withdrawn; both are in the campaign's audit trail.
/// </summary>
public sealed class ResultAdjustment
{
    public int Id { get; set; }

    public int CampaignId { get; set; }

    public int TargetId { get; set; }

    public AdjustmentKind Kind { get; set; }

    /// <summary>The veto's key, or the bonus item's key (1.2.1).</summary>
    public required string Key { get; set; }

    /// <summary>The bonus clause (from 1).</summary>
    public int? Clause { get; set; }

    public int Count { get; set; } = 1;

    public required string Reason { get; set; }

    public DateTimeOffset At { get; set; }

    public string By { get; set; } = "";
}
