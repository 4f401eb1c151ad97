using System.Globalization;

namespace Kaoping.Rubrics;

/// <summary>An item's key "c.s.i": 1-based positions of its category, subcategory and item.</summary>
public readonly record struct ItemKey(int Category, int Subcategory, int Item)
{
    public override string ToString() => string.Create(CultureInfo.InvariantCulture, $"{Category}.{Subcategory}.{Item}");

    /// <summary>The key written as "c.s.i"; for text known to be a key (stored, or checked already).</summary>
    public static ItemKey Parse(string text) =>
        TryParse(text, out var key) ? key : throw new FormatException("“" + text + "” is not an item key such as 1.1.2.");

    public static bool TryParse(string? text, out ItemKey key)
    {
        key = default;
        var parts = text?.Trim().Split('.');
        if (parts is not { Length: 3 })
            return false;
        var numbers = new int[3];
        for (var i = 0; i < 3; i++)
        {
            if (!int.TryParse(parts[i], NumberStyles.None, CultureInfo.InvariantCulture, out numbers[i]) || numbers[i] < 1)
                return false;
        }
        key = new ItemKey(numbers[0], numbers[1], numbers[2]);
        return true;
    }
}
