using Kaoping.Campaigns;
using Kaoping.Rubrics;

namespace Kaoping.Data.Entities;

/// <summary>
/// 申诉: the target contests the deductions of one item after publication — all of them, or the one deduction
/// <see cref="FindingId"/> names; the office upholds or amends.
/// </summary>
public sealed class SheetAppeal : ISheetRow
{
    public long Id { get; set; }

    public SheetAppeal Copy() => (SheetAppeal)MemberwiseClone();

    public int SheetId { get; set; }

    public required ItemKey ItemKey { get; set; }

    /// <summary>The deduction contested, when the appeal is about one of the item's deductions.</summary>
    public long? FindingId { get; set; }

    public required string Reason { get; set; }

    public required string FiledBy { get; set; }

    public DateTimeOffset FiledAt { get; set; }

    public AppealStatus Status { get; set; }

    public string? Decision { get; set; }

    public string? DecidedBy { get; set; }

    public DateTimeOffset? DecidedAt { get; set; }

    /// <summary>The item's score when the appeal was filed, and after the decision.</summary>
    public decimal ScoreBefore { get; set; }

    public decimal? ScoreAfter { get; set; }
}
