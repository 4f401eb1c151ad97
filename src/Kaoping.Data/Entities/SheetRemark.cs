using Kaoping.Campaigns;
using Kaoping.Rubrics;

namespace Kaoping.Data.Entities;

/// <summary>The assessor's own words on an item, shown with the generated 扣分及原因.</summary>
public sealed class SheetRemark : ISheetRow
{
    public long Id { get; set; }

    public SheetRemark Copy() => (SheetRemark)MemberwiseClone();

    public int SheetId { get; set; }

    public FindingSide Side { get; set; }

    public required ItemKey ItemKey { get; set; }

    public required string Text { get; set; }
}
