using Kaoping.Rubrics;

namespace Kaoping.Data.Entities;

/// <summary>
/// 不涉及: the team found that an item does not apply to the target (no 非煤矿山 in a district), with the reason. Such an
/// item takes no findings; the scheme says whether it keeps its points or leaves its part (docs/scoring.md).
/// </summary>
public sealed class SheetNotApplicable : ISheetRow
{
    public long Id { get; set; }

    public SheetNotApplicable Copy() => (SheetNotApplicable)MemberwiseClone();

    public int SheetId { get; set; }

    public required ItemKey ItemKey { get; set; }

    public required string Reason { get; set; }

    public required string MarkedBy { get; set; }

    public DateTimeOffset MarkedAt { get; set; }
}
