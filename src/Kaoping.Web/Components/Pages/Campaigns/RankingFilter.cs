using Kaoping.Web.Services;

namespace Kaoping.Web.Components.Pages.Campaigns;

/// <summary>
/// The ranking tab's filter — a part of the name, a grade, a region — kept in the board's address beside the board's own
/// (<c>tab=ranking&amp;rankq=…&amp;grade=…&amp;rankregion=…</c>), so that a filtered ranking can be bookmarked and shared.
/// </summary>
public sealed record RankingFilter(string? Search = null, string? Grade = null, string? Region = null, int Page = 1)
{
    public const int MaxText = 200;

    public static RankingFilter Read(string? search, string? grade, string? region, string? page) => new(Text(search), Text(grade),
        Regions.Normalize(Text(region)), int.TryParse(page, out var number) && number > 0 ? number : 1);

    public bool Matches(string target, string grade, string? region) =>
        (Search is null || target.Contains(Search, StringComparison.Ordinal)) && (Grade is null || grade == Grade)
        && (Region is null || region is not null && Regions.Within(region, Region));

    public bool IsEmpty => Search is null && Grade is null && Region is null;

    /// <summary>The address's part for this filter (the tab always, then what is set).</summary>
    public IEnumerable<string> Parts()
    {
        yield return "tab=ranking";
        foreach (var (name, value) in new[] { ("rankq", Search), ("grade", Grade), ("rankregion", Region) })
        {
            if (value is not null)
                yield return name + "=" + Uri.EscapeDataString(value);
        }
        if (Page > 1)
            yield return "rankpage=" + Page.ToString(System.Globalization.CultureInfo.InvariantCulture);
    }

    private static string? Text(string? value)
    {
        if (string.IsNullOrWhiteSpace(value))
            return null;
        var text = value.Trim();
        return text.Length > MaxText ? text[..MaxText] : text;
    }
}
