using Kaoping.Web.Services.Work;

namespace Kaoping.Web.Api;

public sealed record WorkItemOutput(int SheetId, int CampaignId, string Campaign, string Target, string State, DateOnly? Due, int DaysLate,
    bool Returned, long? AppealId, string? Item);

public sealed record WorkListOutput(string Kind, int Count, IReadOnlyList<WorkItemOutput> Items);

/// <summary>What waits for the caller: <c>todo</c> (the navigation's count) and the lists, each with its first 20 entries.</summary>
public sealed record WorkOutput(int Todo, IReadOnlyList<WorkListOutput> Lists);

/// <summary>我的待办: the home page's lists as the API answers them, for the caller only.</summary>
public static class MyWorkApi
{
    public static IEndpointRouteBuilder MapMyWorkApi(this IEndpointRouteBuilder routes)
    {
        var api = routes.MapGroup("/api/work").WithTags("Work").RequireAuthorization(Auth.ApiPolicy).RequireCaller();
        api.MapGet("/", Get).WithSummary("What waits for the caller, from their current role, target and teams: "
            + "{\"todo\",\"lists\":[{\"kind\",\"count\",\"items\":[…]}]} (kinds selfAssess, score, review, approve, publish, appeals, overdue, dueSoon).");
        return routes;
    }

    private static async Task<WorkOutput> Get(ApiCaller caller, MyWork work, CancellationToken cancel)
    {
        var lists = await work.ForAsync(caller.Caller, cancel);
        return new WorkOutput(lists.Todo, [.. lists.Lists.Select(l => new WorkListOutput(Names.CamelCase(l.Kind.ToString()), l.Count,
            [.. l.Items.Select(i => new WorkItemOutput(i.SheetId, i.CampaignId, i.Campaign, i.Target, Names.CamelCase(i.State.ToString()), i.Due,
                i.DaysLate, i.Returned, i.AppealId, i.Item))]))]);
    }
}
