using Kaoping.Campaigns;
using Kaoping.Data.Entities;
using Kaoping.Scoring;
using Kaoping.Text;
using Kaoping.Web.Services;

namespace Kaoping.Web.Api;

/// <summary>An appeal: the item, and optionally the one deduction of it (<c>finding</c>, its id) that is contested.</summary>
public sealed record AppealInput(string? Item, string? Reason, long? Finding = null);

public sealed record AppealDecisionInput(string? Decision, string? Comment, IReadOnlyList<FindingInput>? Findings, string? Remark);

public sealed record AppealOutput(long Id, string Item, long? Finding, string Reason, string FiledBy, DateTimeOffset FiledAt, string Status, string StatusName,
    decimal ScoreBefore, decimal? ScoreAfter, string? Decision, string? DecidedBy, DateTimeOffset? DecidedAt)
{
    public static AppealOutput Of(SheetAppeal a, Language language) =>
        new(a.Id, a.ItemKey.ToString(), a.FindingId, a.Reason, a.FiledBy, a.FiledAt, Names.CamelCase(a.Status.ToString()),
            language == Language.En ? Appeals.English(a.Status) : Appeals.Chinese(a.Status),
            a.ScoreBefore, a.ScoreAfter, a.Decision, a.DecidedBy, a.DecidedAt);
}

/// <summary>申诉: the target appeals an item's deductions after publication; the office decides.</summary>
internal static class SheetAppealsApi
{
    public static void MapSheetAppeals(this RouteGroupBuilder api)
    {
        api.MapPost("/{id:int}/appeals", Post)
            .WithSummary("Appeal an item's deductions after publication ({\"item\",\"reason\",\"finding\"?}): "
                + "the target's reporter, within the appeal window.");
        api.MapPost("/{id:int}/appeals/{appealId:long}/decision", Decide)
            .WithSummary("The office decides an appeal: {\"decision\":\"uphold\"|\"amend\",\"comment\",\"findings\":[…]}; an amendment re-scores the sheet.");
    }

    private static async Task<IResult> Post(int id, AppealInput input, AppealService appeals, ApiCaller caller, HttpContext context, CancellationToken cancel)
    {
        if (SheetAnswers.ReadKey(input.Item) is not { } item)
            return SheetAnswers.BadKey(input.Item, caller, "item");
        var (result, filed) = await appeals.FileAsync(id, item, input.Finding, input.Reason, caller.Caller, caller.UserName, cancel);
        if (filed is not null && result is SheetUpdate.Saved saved)
        {
            context.Response.Headers.ETag = saved.View.ETag;
            return TypedResults.Created($"/api/sheets/{id}", AppealOutput.Of(filed, caller.Language));
        }
        return SheetAnswers.Of(result, caller, context);
    }

    private static async Task<IResult> Decide(int id, long appealId, AppealDecisionInput input, AppealService appeals, ApiCaller caller, HttpContext context,
        CancellationToken cancel)
    {
        IReadOnlyList<Finding>? amended = null;
        switch (input.Decision?.Trim().ToLowerInvariant())
        {
            case "uphold":
                break;
            case "amend":
                if (input.Findings is null)
                {
                    return TypedResults.ValidationProblem(new Dictionary<string, string[]>
                    {
                        ["findings"] = [caller.Text(new("改正须给出该项目新的扣分（空列表表示全部撤销）。",
                            "An amendment gives the item's new findings (an empty list takes every deduction back)."))],
                    });
                }
                if (await appeals.ItemOfAsync(id, appealId, caller.Caller, cancel) is not { } item)
                    return TypedResults.NotFound();
                var (findings, problems) = FindingReader.ReadItem(item, input.Findings);
                if (problems.Count > 0)
                    return SheetAnswers.Problems(problems, caller);
                amended = findings;
                break;
            default:
                return TypedResults.ValidationProblem(new Dictionary<string, string[]>
                {
                    ["decision"] = [caller.Text(LocalizedText.Format("“{0}”不是处理结果（uphold 维持，amend 改正）。", "“{0}” is not a decision (uphold, amend).",
                        input.Decision))],
                });
        }
        return SheetAnswers.Of(await appeals.DecideAsync(id, appealId, amended, input.Remark, input.Comment, caller.Caller, caller.UserName, cancel),
            caller, context);
    }
}
