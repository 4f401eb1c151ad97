using Kaoping.Campaigns;

namespace Kaoping.Data.Entities;

/// <summary>One step of a sheet's workflow: who moved it, from which state to which, and why.</summary>
public sealed class SheetTransition : ISheetRow
{
    public long Id { get; set; }

    public SheetTransition Copy() => (SheetTransition)MemberwiseClone();

    public int SheetId { get; set; }

    public SheetAction Action { get; set; }

    public SheetState From { get; set; }

    public SheetState To { get; set; }

    public string? Comment { get; set; }

    public required string By { get; set; }

    public DateTimeOffset At { get; set; }
}
