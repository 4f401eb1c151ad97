using Kaoping.Web.Services;

namespace Kaoping.Web.Api;

/// <summary>延期 <c>{"until":"2026-12-20","reason":"…"}</c>: the office gives one sheet more time, with the reason.</summary>
public sealed record ExtensionInput(DateOnly? Until, string? Reason);

/// <summary>The office's corrections of one sheet. Skipping an overdue self-assessment is the transition <c>skipSelfAssessment</c>.</summary>
internal static class SheetCorrectionsApi
{
    public static RouteGroupBuilder MapSheetCorrections(this RouteGroupBuilder api)
    {
        api.MapPost("/{id:int}/deadline", Extend).RequireAntiforgeryForCookies()
            .WithSummary("延期: {\"until\":\"2026-12-20\",\"reason\":…} gives the sheet until that day for the stage it waits in (its appeals once published); "
                + "the office only; audited.");
        return api;
    }

    private static async Task<IResult> Extend(int id, ExtensionInput input, ApiCaller caller, SheetCorrections corrections, HttpContext context,
        CancellationToken cancel)
    {
        if (input.Until is not { } until)
        {
            return TypedResults.ValidationProblem(new Dictionary<string, string[]>
            {
                ["until"] = [caller.Text(new("请给出延期后的截止日期（如2026-12-20）。", "give the new deadline, e.g. 2026-12-20."))],
            });
        }
        return SheetAnswers.Of(await corrections.ExtendAsync(id, until, input.Reason, caller.Caller, caller.UserName, cancel), caller, context);
    }
}
