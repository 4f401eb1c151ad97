using System.Globalization;
using Kaoping.Campaigns;
using Kaoping.Text;
using Kaoping.Web.Services;

namespace Kaoping.Web.Api;

/// <summary>
/// The sheets a <c>sheets.zip</c> holds: every sheet of the campaign, or those chosen on the board — by id
/// (<c>sheetIds=1,2,3</c>), by the board's filter (<c>state</c>, <c>team</c>, <c>q</c>, <c>region</c>, <c>late</c>,
/// <c>differing</c>, <c>appeal</c>), or both (the chosen ones that match).
/// </summary>
public static class ChosenSheets
{
    public const int MaxIds = 3000;
    private static readonly string[] FilterKeys = ["state", "team", "q", "region", "late", "differing", "appeal"];

    /// <summary>The chosen sheets' targets, null for all; a problem names the parameter and what is wrong.</summary>
    public static async Task<(IReadOnlySet<string>? Targets, Dictionary<string, LocalizedText> Problems)> ReadAsync(int campaignId,
        IQueryCollection parameters, Caller caller, CampaignBoards boards, CancellationToken cancel)
    {
        var problems = new Dictionary<string, LocalizedText>();
        var ids = Ids(parameters["sheetIds"].ToString(), problems);
        if (problems.Count > 0 || ids is null && !FilterKeys.Any(parameters.ContainsKey))
            return (null, problems);
        var query = BoardQuery.Read(parameters["state"], parameters["team"], parameters["q"], null, null, null, Flag(parameters, "late"),
            Flag(parameters, "differing"), Flag(parameters, "appeal"), problems, parameters["region"]);
        if (problems.Count > 0)
            return (null, problems);
        var board = (await boards.BoardAsync(campaignId, caller, BoardQuery.All, cancel) ?? []).Select(r => r.SheetId).ToHashSet();
        if (ids?.FirstOrDefault(id => !board.Contains(id)) is > 0 and var unknown)
        {
            problems["sheetIds"] = LocalizedText.Format("考评表 {0} 不属于这个考评任务，或您无权查看。",
                "sheet {0} is not one of this campaign's, or you may not see it.", unknown);
            return (null, problems);
        }
        var matching = await boards.BoardAsync(campaignId, caller, query, cancel) ?? [];
        return (matching.Where(r => ids is null || ids.Contains(r.SheetId)).Select(r => r.Target).ToHashSet(StringComparer.Ordinal), problems);
    }

    private static HashSet<int>? Ids(string text, Dictionary<string, LocalizedText> problems)
    {
        if (string.IsNullOrWhiteSpace(text))
            return null;
        var parts = text.Split(',', StringSplitOptions.TrimEntries);
        if (parts.Length > MaxIds)
        {
            problems["sheetIds"] = LocalizedText.Format("一次最多导出{0}张考评表，收到{1}个编号；请用看板的筛选条件导出全部符合条件的。",
                "at most {0} sheets at once, got {1} ids; export all that match the board's filter instead.", MaxIds, parts.Length);
            return null;
        }
        var ids = new HashSet<int>();
        foreach (var part in parts)
        {
            if (!int.TryParse(part, NumberStyles.None, CultureInfo.InvariantCulture, out var id) || id <= 0)
            {
                problems["sheetIds"] = LocalizedText.Format("考评表编号应是正整数，以逗号分隔，读到的是“{0}”。",
                    "sheet ids must be positive whole numbers separated by commas; got “{0}”.", part.Length > 20 ? part[..20] + "…" : part);
                return null;
            }
            ids.Add(id);
        }
        return ids;
    }

    private static bool Flag(IQueryCollection parameters, string key) => parameters[key].ToString() is "true" or "1";
}
