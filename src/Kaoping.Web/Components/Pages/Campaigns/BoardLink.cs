using System.Globalization;
using Kaoping.Web.Services;

namespace Kaoping.Web.Components.Pages.Campaigns;

/// <summary>The board's address with its filter, so that a filtered board can be bookmarked, shared and gone back to.</summary>
public static class BoardLink
{
    public static string Of(int campaignId, BoardQuery query, RankingFilter? ranking = null)
    {
        var parts = Filter(query);
        if (query.Sort != BoardSort.Order)
            parts.Add("sort=" + Uri.EscapeDataString(BoardQuery.SortName(query.Sort)));
        if (query.Page is > 1 and var page)
            parts.Add("page=" + page.ToString(CultureInfo.InvariantCulture));
        if (ranking is not null)
            parts.AddRange(ranking.Parts());
        return $"/campaigns/{campaignId.ToString(CultureInfo.InvariantCulture)}" + (parts.Count == 0 ? "" : "?" + string.Join("&", parts));
    }

    /// <summary>The sheets the filter matches, all in one archive (the board's filter, without its order and page).</summary>
    public static string SheetsZip(int campaignId, BoardQuery query)
    {
        var parts = Filter(query);
        return $"/api/campaigns/{campaignId.ToString(CultureInfo.InvariantCulture)}/reports/sheets.zip"
            + (parts.Count == 0 ? "" : "?" + string.Join("&", parts));
    }

    /// <summary>The chosen sheets in one archive.</summary>
    public static string SheetsZip(int campaignId, IEnumerable<int> sheetIds) =>
        $"/api/campaigns/{campaignId.ToString(CultureInfo.InvariantCulture)}/reports/sheets.zip?sheetIds="
        + string.Join(",", sheetIds.Order().Select(i => i.ToString(CultureInfo.InvariantCulture)));

    private static List<string> Filter(BoardQuery query)
    {
        var parts = new List<string>();
        void Add(string name, string? value)
        {
            if (!string.IsNullOrEmpty(value))
                parts.Add(name + "=" + Uri.EscapeDataString(value));
        }

        Add("state", query.State is { } state ? char.ToLowerInvariant(state.ToString()[0]) + state.ToString()[1..] : null);
        Add("team", query.Team);
        Add("q", query.Search);
        Add("region", query.Region);
        Add("late", query.Late ? "true" : null);
        Add("differing", query.Differing ? "true" : null);
        Add("appeal", query.PendingAppeal ? "true" : null);
        return parts;
    }
}
