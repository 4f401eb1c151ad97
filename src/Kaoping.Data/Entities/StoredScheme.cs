namespace Kaoping.Data.Entities;

/// <summary>
/// A scheme (考核方案) in the library, stored as the JSON the Core reads (<c>SchemeJson</c>) with every rubric named
/// <c>library:ID</c>. Never changed once stored: a campaign keeps the scheme it was created with.
/// <see cref="SheetPart"/> is the part scored by the campaign's sheets; <see cref="AccidentPart"/>, when present, the
/// part scored from the targets' accident statistics.
/// </summary>
public sealed class StoredScheme
{
    public int Id { get; set; }

    public required string Title { get; set; }

    public decimal Points { get; set; }

    public required string Json { get; set; }

    public required string SheetPart { get; set; }

    public int SheetRubricId { get; set; }

    public string? AccidentPart { get; set; }

    public DateTimeOffset CreatedAt { get; set; }

    public string CreatedBy { get; set; } = "";
}
