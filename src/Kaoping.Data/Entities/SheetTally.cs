namespace Kaoping.Data.Entities;

/// <summary>
/// A sheet's figures as the board shows them, computed from its findings at <see cref="Version"/> of the sheet: the
/// team's score of its points, the self-assessment's score (null when none was handed in), the items where they differ
/// and the items the team took points off. Derived data, never audited: a tally whose version is not the sheet's is
/// out of date and computed again; the sheet's version rises with every change of its rows (<see cref="Sheets.SheetVersions"/>).
/// Not a sheet row (<see cref="ISheetRow"/>): writing it does not change the sheet.
/// </summary>
public sealed class SheetTally
{
    public int SheetId { get; set; }

    public int Version { get; set; }

    public decimal Score { get; set; }

    public decimal Points { get; set; }

    public decimal? SelfScore { get; set; }

    public int Differences { get; set; }

    public int Deducted { get; set; }
}
