using Kaoping.Rubrics;
using Kaoping.Text;
using Kaoping.Web.Services;

namespace Kaoping.Web.Api;

/// <summary>How the sheet endpoints answer: a change's outcome as HTTP, and the refusals of input they share.</summary>
internal static class SheetAnswers
{
    public static IResult Of(SheetUpdate result, ApiCaller caller, HttpContext context)
    {
        switch (result)
        {
            case SheetUpdate.Saved saved:
                context.Response.Headers.ETag = saved.View.ETag;
                return TypedResults.Ok(SheetDocument.Of(saved.View, caller.Language));
            case SheetUpdate.Stale stale:
                context.Response.Headers.ETag = stale.Current.ETag;
                return TypedResults.Problem(
                    caller.Text(new("考评表已被他人修改，请重新读取后再修改。", "The sheet was changed by someone else; reload it and apply your change again.")),
                    statusCode: StatusCodes.Status412PreconditionFailed,
                    extensions: new Dictionary<string, object?> { ["current"] = SheetDocument.Of(stale.Current, caller.Language) });
            case SheetUpdate.Invalid invalid:
                return TypedResults.ValidationProblem(invalid.Problems.ToDictionary(p => p.Key, p => new[] { caller.Text(p.Value) }));
            case SheetUpdate.Forbidden forbidden:
                return TypedResults.Problem(caller.Text(forbidden.Reason), statusCode: StatusCodes.Status403Forbidden);
            case SheetUpdate.Conflict conflict:
                return TypedResults.Problem(caller.Text(conflict.Reason), statusCode: StatusCodes.Status409Conflict);
            case SheetUpdate.TooLarge tooLarge:
                return TypedResults.Problem(caller.Text(tooLarge.Reason), statusCode: StatusCodes.Status413PayloadTooLarge);
            default:
                return TypedResults.NotFound();
        }
    }

    /// <summary>428: a change of findings or marks needs the sheet's ETag in If-Match.</summary>
    public static IResult IfMatchRequired(ApiCaller caller) =>
        TypedResults.Problem(caller.English ? "Send the sheet's ETag in If-Match." : "请在 If-Match 中给出考评表的 ETag。",
            statusCode: StatusCodes.Status428PreconditionRequired);

    /// <summary>A workflow action by its name (<c>submitAssessment</c>); null when there is none of that name.</summary>
    public static Campaigns.SheetAction? ReadAction(string? name) =>
        Enum.TryParse<Campaigns.SheetAction>(name, ignoreCase: true, out var action) && !int.TryParse(name, out _) ? action : null;

    public static IResult BadAction(string? name, ApiCaller caller)
    {
        var names = string.Join(", ", Enum.GetNames<Campaigns.SheetAction>().Select(Names.CamelCase));
        return TypedResults.ValidationProblem(new Dictionary<string, string[]>
        {
            ["action"] = [caller.Text(LocalizedText.Format("“{0}”不是可执行的操作（{1}）。", "“{0}” is not an action ({1}).", name, names))],
        });
    }

    public static ItemKey? ReadKey(string? key) => ItemKey.TryParse(key, out var itemKey) ? itemKey : null;

    public static IResult BadKey(string? key, ApiCaller caller, string field = "key") =>
        TypedResults.ValidationProblem(new Dictionary<string, string[]>
        {
            [field] = [caller.Text(LocalizedText.Format("“{0}”不是考评项目编号（如1.1.2）。", "“{0}” is not an item key such as 1.1.2.", key))],
        });

    /// <summary>Findings that could not be read: each under <c>findings[i]</c>, or the list as a whole.</summary>
    public static IResult Problems(IEnumerable<(int Index, LocalizedText Problem)> problems, ApiCaller caller) =>
        TypedResults.ValidationProblem(problems.ToDictionary(p => p.Index < 0 ? "findings" : $"findings[{p.Index}]", p => new[] { caller.Text(p.Problem) }));
}
