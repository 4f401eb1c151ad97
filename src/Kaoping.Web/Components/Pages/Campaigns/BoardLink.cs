using System.Globalization;
using Kaoping.Web.Services;

namespace Kaoping.Web.Components.Pages.Campaigns;

/// <summary>The board's address with its filter, so that a filtered board can be bookmarked, shared and gone back to.</summary>
public static class BoardLink
{
    public static string Of(int campaignId, BoardQuery query)
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
        Add("sort", query.Sort == BoardSort.Order ? null : BoardQuery.SortName(query.Sort));
        Add("page", query.Page is > 1 and var page ? page.ToString(CultureInfo.InvariantCulture) : null);
        return $"/campaigns/{campaignId.ToString(CultureInfo.InvariantCulture)}" + (parts.Count == 0 ? "" : "?" + string.Join("&", parts));
    }
}
