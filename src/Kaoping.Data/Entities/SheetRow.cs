namespace Kaoping.Data.Entities;

/// <summary>A row that belongs to one sheet: changing it changes the sheet, whose version rises in the same save.</summary>
public interface ISheetRow
{
    long Id { get; set; }

    int SheetId { get; set; }
}
