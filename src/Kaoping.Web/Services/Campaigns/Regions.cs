namespace Kaoping.Web.Services;

/// <summary>
/// A target's region (所属地区): the regions above it from the widest, joined by “ › ” — 河南省 › 许昌市. Typed with
/// “›”, “>”, “/” or “＞” between the parts; stored with “ › ”. A filter by a region takes the targets in it or within it:
/// 河南省 takes 河南省 › 许昌市, and 许昌市 takes it too.
/// </summary>
public static class Regions
{
    public const int MaxLength = 200;

    public const string Separator = " › ";

    private static readonly char[] s_separators = ['›', '>', '/', '＞', '／'];

    /// <summary>The region as stored, or null when none was given.</summary>
    public static string? Normalize(string? region)
    {
        if (string.IsNullOrWhiteSpace(region))
            return null;
        var parts = region.Split(s_separators, StringSplitOptions.TrimEntries | StringSplitOptions.RemoveEmptyEntries);
        return parts.Length == 0 ? null : string.Join(Separator, parts);
    }

    /// <summary>Whether the region is <paramref name="filter"/> or lies within it (whole parts, in their order).</summary>
    public static bool Within(string region, string filter) =>
        (Separator + region + Separator).Contains(Separator + filter + Separator, StringComparison.Ordinal);

    /// <summary>Every region a filter can choose among these targets' regions: each one and those above it, widest first.</summary>
    public static IReadOnlyList<string> Choices(IEnumerable<string?> regions)
    {
        var choices = new SortedSet<string>(StringComparer.Ordinal);
        foreach (var region in regions.OfType<string>())
        {
            var parts = region.Split(Separator);
            for (var i = 1; i <= parts.Length; i++)
                choices.Add(string.Join(Separator, parts[..i]));
        }
        return [.. choices];
    }

    /// <summary>How a target is named with its region: 许昌市 › 禹州市.</summary>
    public static string Named(string? region, string target) => region is null ? target : region + Separator + target;
}
