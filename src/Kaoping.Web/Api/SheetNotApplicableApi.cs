using Kaoping.Web.Services;

namespace Kaoping.Web.Api;

/// <summary>不涉及 <c>{"reason":"本县无非煤矿山"}</c>.</summary>
public sealed record NotApplicableInput(string? Reason);

/// <summary>The team marks an item not applicable to the target, with the reason, or takes the mark back; If-Match as for findings.</summary>
internal static class SheetNotApplicableApi
{
    public static RouteGroupBuilder MapSheetNotApplicable(this RouteGroupBuilder api)
    {
        api.MapPut("/{id:int}/items/{key}/not-applicable", Mark).RequireAntiforgeryForCookies()
            .WithSummary("不涉及: {\"reason\":…} marks the item not applicable (If-Match: the sheet's ETag); the team while assessing; "
                + "409 when the item has deductions; audited.");
        api.MapDelete("/{id:int}/items/{key}/not-applicable", Clear).RequireAntiforgeryForCookies()
            .WithSummary("Takes the 不涉及 mark back (If-Match: the sheet's ETag); audited.");
        return api;
    }

    private static async Task<IResult> Mark(int id, string key, NotApplicableInput input, ApiCaller caller, NotApplicableMarks marks,
        HttpContext context, CancellationToken cancel)
    {
        if (Precondition(key, caller, context) is { } refused)
            return refused;
        var version = SheetETag.VersionOf(context.Request.Headers.IfMatch.ToString()) ?? -1;
        return SheetAnswers.Of(await marks.MarkAsync(id, SheetAnswers.ReadKey(key)!.Value, input.Reason, version, caller.Caller, caller.UserName, cancel),
            caller, context);
    }

    private static async Task<IResult> Clear(int id, string key, ApiCaller caller, NotApplicableMarks marks, HttpContext context, CancellationToken cancel)
    {
        if (Precondition(key, caller, context) is { } refused)
            return refused;
        var version = SheetETag.VersionOf(context.Request.Headers.IfMatch.ToString()) ?? -1;
        return SheetAnswers.Of(await marks.ClearAsync(id, SheetAnswers.ReadKey(key)!.Value, version, caller.Caller, caller.UserName, cancel), caller, context);
    }

    private static IResult? Precondition(string key, ApiCaller caller, HttpContext context)
    {
        if (string.IsNullOrWhiteSpace(context.Request.Headers.IfMatch.ToString()))
            return SheetAnswers.IfMatchRequired(caller);
        return SheetAnswers.ReadKey(key) is null ? SheetAnswers.BadKey(key, caller) : null;
    }
}
