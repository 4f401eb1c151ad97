using Kaoping.Campaigns;
using Kaoping.Rubrics;

namespace Kaoping.Data.Entities;

/// <summary>
/// 佐证材料: a file attached to an item, kept under the data directory by its SHA-256. Removing it hides it from the sheet;
/// the file and the audit entry stay.
/// </summary>
public sealed class SheetEvidence : ISheetRow
{
    public long Id { get; set; }

    public SheetEvidence Copy() => (SheetEvidence)MemberwiseClone();

    public int SheetId { get; set; }

    public required ItemKey ItemKey { get; set; }

    /// <summary>Whose evidence: the target's (self-assessment, appeal) or the team's.</summary>
    public FindingSide Side { get; set; }

    public required string FileName { get; set; }

    public EvidenceKind Kind { get; set; }

    public long Size { get; set; }

    public required string Sha256 { get; set; }

    public required string UploadedBy { get; set; }

    public DateTimeOffset UploadedAt { get; set; }

    public string? RemovedBy { get; set; }

    public DateTimeOffset? RemovedAt { get; set; }
}
