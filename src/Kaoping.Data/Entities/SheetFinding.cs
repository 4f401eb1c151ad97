using Kaoping.Campaigns;
using Kaoping.Rubrics;
using Kaoping.Scoring;

namespace Kaoping.Data.Entities;

/// <summary>
/// One deduction on a sheet: a clause that fired (with its count), an amount within a range clause's bounds with its
/// reason (酌情扣分), or a manual deduction with its reason. Its id stays while the deduction does — across edits of
/// other items, of its own item's remark, and of its count (or, in a range, its amount and reason).
/// </summary>
public sealed class SheetFinding : ISheetRow
{
    public long Id { get; set; }

    public SheetFinding Copy() => (SheetFinding)MemberwiseClone();

    public int SheetId { get; set; }

    public FindingSide Side { get; set; }

    public required ItemKey ItemKey { get; set; }

    public int Position { get; set; }

    public int? Clause { get; set; }

    public int Count { get; set; }

    public decimal? Deduction { get; set; }

    public string? Reason { get; set; }

    public Finding ToFinding() => (Clause, Deduction) switch
    {
        ({ } clause, { } amount) => new RangeFinding(ItemKey, clause, amount, Reason ?? ""),
        ({ } clause, null) => new ClauseFinding(ItemKey, clause, Count),
        _ => new ManualDeduction(ItemKey, Deduction ?? 0, Reason ?? ""),
    };

    /// <summary>
    /// Whether <paramref name="finding"/> is this deduction, perhaps changed: the same clause (its count, or its amount
    /// and reason within a range, may change), or the same manual amount and reason.
    /// </summary>
    public bool SameDeduction(Finding finding) => finding switch
    {
        ClauseFinding c => Clause == c.Clause && Deduction is null,
        RangeFinding r => Clause == r.Clause && Deduction is not null,
        ManualDeduction m => Clause is null && Deduction == m.Deduction && Reason == m.Reason,
        _ => false,
    };

    /// <summary>Takes what may change of a deduction that stays: a clause's count, a range's amount and reason.</summary>
    public void Update(Finding finding)
    {
        switch (finding)
        {
            case ClauseFinding c when Count != c.Count:
                Count = c.Count;
                break;
            case RangeFinding r when Deduction != r.Deduction || Reason != r.Reason:
                Deduction = r.Deduction;
                Reason = r.Reason;
                break;
        }
    }

    public static SheetFinding From(Finding finding, FindingSide side) => finding switch
    {
        ClauseFinding c => new SheetFinding { Side = side, ItemKey = c.Item, Clause = c.Clause, Count = c.Count },
        RangeFinding r => new SheetFinding { Side = side, ItemKey = r.Item, Clause = r.Clause, Count = 1, Deduction = r.Deduction, Reason = r.Reason },
        ManualDeduction m => new SheetFinding { Side = side, ItemKey = m.Item, Count = 1, Deduction = m.Deduction, Reason = m.Reason },
        _ => throw new ArgumentException("Unknown finding " + finding.GetType().Name, nameof(finding)),
    };
}
