using Kaoping.Campaigns;
using Kaoping.Rubrics;
using Kaoping.Scoring;

namespace Kaoping.Data.Entities;

/// <summary>
/// One deduction on a sheet: a clause that fired (with its count), or a manual deduction with its reason. Its id stays
/// while the deduction does — across edits of other items, of its own item's remark, and of its count.
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

    public Finding ToFinding() => Clause is { } clause
        ? new ClauseFinding(ItemKey, clause, Count)
        : new ManualDeduction(ItemKey, Deduction ?? 0, Reason ?? "");

    /// <summary>Whether <paramref name="finding"/> is this deduction, perhaps changed: the same clause, or the same manual amount and reason.</summary>
    public bool SameDeduction(Finding finding) => finding switch
    {
        ClauseFinding c => Clause == c.Clause,
        ManualDeduction m => Clause is null && Deduction == m.Deduction && Reason == m.Reason,
        _ => false,
    };

    /// <summary>Takes the count of a clause finding that stays; a manual deduction that stays is unchanged.</summary>
    public void Update(Finding finding)
    {
        if (finding is ClauseFinding c && Count != c.Count)
            Count = c.Count;
    }

    public static SheetFinding From(Finding finding, FindingSide side) => finding switch
    {
        ClauseFinding c => new SheetFinding { Side = side, ItemKey = c.Item, Clause = c.Clause, Count = c.Count },
        ManualDeduction m => new SheetFinding { Side = side, ItemKey = m.Item, Count = 1, Deduction = m.Deduction, Reason = m.Reason },
        _ => throw new ArgumentException("Unknown finding " + finding.GetType().Name, nameof(finding)),
    };
}
