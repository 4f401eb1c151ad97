using System.Globalization;

namespace Kaoping.Rubrics;

/// <summary>An item's key "c.s.i": 1-based positions of its category, subcategory and item.</summary>
public readonly record struct ItemKey(int Category, int Subcategory, int Item)
{
    public override string ToString() => string.Create(CultureInfo.InvariantCulture, $"{Category}.{Subcategory}.{Item}");

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
