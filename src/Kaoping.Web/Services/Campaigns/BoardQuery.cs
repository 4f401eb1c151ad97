using System.Globalization;
using Kaoping.Campaigns;
using Kaoping.Text;

namespace Kaoping.Web.Services;

/// <summary>How the board is ordered: the office's order of its targets (as entered), or by name, score, state or lateness.</summary>
public enum BoardSort
{
    Order,
    Name,
    Score,
    ScoreDescending,
    State,
    Late,
}

/// <summary>
/// Which of a campaign's sheets the board shows and in which order: by state, team (id or name), a part of the target's
/// name, late, differing from the self-assessment, with a pending appeal, in a region; a page of them when <see cref="Page"/> is set.
/// </summary>
public sealed record BoardQuery(SheetState? State = null, string? Team = null, string? Search = null, bool Late = false, bool Differing = false,
    bool PendingAppeal = false, BoardSort Sort = BoardSort.Order, int? Page = null, int PageSize = BoardQuery.DefaultPageSize)
{
    /// <summary>The targets in this region or one within it (<see cref="Regions"/>); null for all.</summary>
    public string? Region { get; init; }

    /// <summary>Whether a target of <paramref name="region"/> is in <paramref name="filter"/> (all when no filter).</summary>
    public static bool InRegion(string? region, string? filter) => filter is null || region is not null && Regions.Within(region, filter);

    public const int DefaultPageSize = 50;

    public const int MaxPageSize = 500;

    public const int MaxSearch = 100;

    public static BoardQuery All { get; } = new();

    private static readonly Dictionary<string, BoardSort> s_sorts = new(StringComparer.OrdinalIgnoreCase)
    {
        ["order"] = BoardSort.Order, ["name"] = BoardSort.Name, ["score"] = BoardSort.Score, ["-score"] = BoardSort.ScoreDescending,
        ["state"] = BoardSort.State, ["late"] = BoardSort.Late,
    };

    public static string SortName(BoardSort sort) => s_sorts.First(s => s.Value == sort).Key;

    /// <summary>Reads the query's values as a URL gives them; every wrong one is named in <paramref name="problems"/>.</summary>
    public static BoardQuery Read(string? state, string? team, string? q, string? page, string? pageSize, string? sort, bool late, bool differing,
        bool appeal, Dictionary<string, LocalizedText> problems, string? region = null)
    {
        SheetState? stateValue = null;
        if (!string.IsNullOrWhiteSpace(state))
        {
            if (Enum.TryParse<SheetState>(state.Trim(), ignoreCase: true, out var parsed) && !int.TryParse(state, out _))
                stateValue = parsed;
            else
            {
                problems["state"] = LocalizedText.Format("“{0}”不是考评表状态（{1}）。", "“{0}” is not a sheet state ({1}).", state,
                    string.Join(", ", Enum.GetNames<SheetState>().Select(n => char.ToLowerInvariant(n[0]) + n[1..])));
            }
        }
        int? pageValue = null;
        if (page is not null)
        {
            if (int.TryParse(page, NumberStyles.None, CultureInfo.InvariantCulture, out var p) && p >= 1)
                pageValue = p;
            else
                problems["page"] = LocalizedText.Format("页码“{0}”不对：应为从1起的整数。", "page “{0}” is not right: a whole number from 1.", page);
        }
        var size = DefaultPageSize;
        if (pageSize is not null && !(int.TryParse(pageSize, NumberStyles.None, CultureInfo.InvariantCulture, out size) && size is >= 1 and <= MaxPageSize))
        {
            problems["pageSize"] = LocalizedText.Format("每页条数“{0}”不对：应为1到{1}之间的整数。", "pageSize “{0}” is not right: a whole number from 1 to {1}.",
                pageSize, MaxPageSize);
        }
        var sortValue = BoardSort.Order;
        if (!string.IsNullOrWhiteSpace(sort) && !s_sorts.TryGetValue(sort.Trim(), out sortValue))
        {
            problems["sort"] = LocalizedText.Format("不能按“{0}”排序（可用 {1}）。", "cannot sort by “{0}” (use {1}).", sort,
                string.Join(", ", s_sorts.Keys));
        }
        if (q is { Length: > MaxSearch })
            problems["q"] = LocalizedText.Format("搜索词不能超过{0}字。", "the search cannot be longer than {0} characters.", MaxSearch);
        if (region is { Length: > Regions.MaxLength })
            problems["region"] = LocalizedText.Format("地区不能超过{0}字。", "the region cannot be longer than {0} characters.", Regions.MaxLength);
        return new BoardQuery(stateValue, string.IsNullOrWhiteSpace(team) ? null : team.Trim(), string.IsNullOrWhiteSpace(q) ? null : q.Trim(),
            late, differing, appeal, sortValue, pageValue, size) { Region = Regions.Normalize(region) };
    }

    /// <summary>The rows that match, in order (the whole list: paging is the caller's).</summary>
    public IEnumerable<BoardRow> Apply(IEnumerable<BoardRow> rows)
    {
        if (Late)
            rows = rows.Where(r => r.DaysLate > 0);
        if (Differing)
            rows = rows.Where(r => r.Differences > 0);
        if (PendingAppeal)
            rows = rows.Where(r => r.PendingAppeals > 0);
        return Sort switch
        {
            BoardSort.Order => rows,
            BoardSort.Name => rows.OrderBy(r => r.Target, StringComparer.Create(CultureInfo.GetCultureInfo("zh-CN"), false)),
            BoardSort.Score => rows.OrderBy(r => r.SeesTeam ? r.Score : decimal.MaxValue),
            BoardSort.ScoreDescending => rows.OrderByDescending(r => r.SeesTeam ? r.Score : decimal.MinValue),
            BoardSort.State => rows.OrderBy(r => r.State),
            BoardSort.Late => rows.OrderByDescending(r => r.DaysLate),
        };
    }
}

/// <summary>One page of the board: how many sheets match in all, and those of the page.</summary>
public sealed record BoardPage(int Total, int Page, int PageSize, IReadOnlyList<BoardRow> Items);
