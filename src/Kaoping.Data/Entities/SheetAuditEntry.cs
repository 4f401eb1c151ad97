using Kaoping.Campaigns;
using Kaoping.Rubrics;

namespace Kaoping.Data.Entities;

/// <summary>
/// One entry of a sheet's audit trail: who changed what, when, from what to what, and why. <see cref="Hash"/> chains it
/// to the sheet's previous entry (docs/decisions/0007); the sheet keeps the last hash.
/// </summary>
public sealed class SheetAuditEntry : ISheetRow
{
    public long Id { get; set; }

    public int SheetId { get; set; }

    public AuditKind Kind { get; set; }

    public ItemKey? ItemKey { get; set; }

    /// <summary>The deduction the entry is about, when it is about one (an appeal on a deduction).</summary>
    public long? FindingId { get; set; }

    public string? Before { get; set; }

    public string? After { get; set; }

    public string? Why { get; set; }

    public required string By { get; set; }

    public DateTimeOffset At { get; set; }

    /// <summary>SM3 over the entry's content and its predecessor's hash (<see cref="Audit.AuditLinks"/>); null only before the upgrade chained it.</summary>
    public string? Hash { get; set; }
}
