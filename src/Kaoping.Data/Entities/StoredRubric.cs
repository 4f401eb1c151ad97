namespace Kaoping.Data.Entities;

/// <summary>
/// A rubric in the library, stored as the source it was read from; the model is read from it again when needed.
/// A rubric used by a campaign is never changed: a revision is a new version pointing at the one it replaces.
/// </summary>
public sealed class StoredRubric
{
    public int Id { get; set; }

    public required string Title { get; set; }

    public string? Annex { get; set; }

    public decimal Points { get; set; }

    public int Version { get; set; } = 1;

    public int? PreviousVersionId { get; set; }

    public required string SourceName { get; set; }

    public required string SourceText { get; set; }

    public DateTimeOffset CreatedAt { get; set; }

    public string CreatedBy { get; set; } = "";

    /// <summary>Archived rubrics stay readable (a finished campaign still shows its rubric) but are offered for no new campaign.</summary>
    public DateTimeOffset? ArchivedAt { get; set; }

    public string? ArchivedBy { get; set; }
}
