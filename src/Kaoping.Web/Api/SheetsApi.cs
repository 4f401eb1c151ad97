using System.Text.Json.Serialization;
using Kaoping.Rubrics;
using Kaoping.Scoring;
using Kaoping.Text;
using Kaoping.Web.Services;
using Microsoft.AspNetCore.Http.HttpResults;

namespace Kaoping.Web.Api;

public sealed record FindingInput(decimal? Clause, decimal? Count, decimal? Deduction, string? Reason);

public sealed record ItemFindingsInput(IReadOnlyList<FindingInput>? Findings, string? Remark);

public sealed record FindingOutput(
    string Item,
    [property: JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)] int? Clause,
    [property: JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)] int? Count,
    [property: JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)] decimal? Deduction,
    [property: JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)] string? Reason);

public sealed record TransitionInput(string? Action, string? Comment);

public sealed record SheetDocument(
    int Id, int CampaignId, string Target, string? Team, string State, string StateName, bool CanEdit, IReadOnlyList<string> Actions,
    IReadOnlyList<FindingOutput> Findings, IReadOnlyDictionary<string, string> Remarks, SheetScore Score);

public static class SheetsApi
{
    public static IEndpointRouteBuilder MapSheetsApi(this IEndpointRouteBuilder routes)
    {
        var api = routes.MapGroup("/api/sheets").WithTags("Sheets").RequireAuthorization(Auth.ApiPolicy);
        api.MapGet("/{id:int}", Get).WithSummary("A sheet with its findings and score; the ETag header is its version.");
        api.MapGet("/{id:int}/export", Export).WithSummary("The filled sheet in the rubric's own layout: format=docx, xlsx or pdf.");
        api.MapPost("/{id:int}/transitions", Transition)
            .WithSummary("Take a workflow action ({\"action\":\"submitAssessment\",\"comment\":…}); 403 when it is not the caller's, 409 in the wrong state.");
        api.MapPut("/{id:int}/items/{key}/findings", PutFindings)
            .WithSummary("Replace one item's findings (If-Match: the sheet's ETag). 412 when the sheet changed meanwhile.");
        return routes;
    }

    private static async Task<Results<Ok<SheetDocument>, NotFound>> Get(int id, Callers callers, SheetService sheets, HttpContext context, CancellationToken cancel)
    {
        if (await callers.FromAsync(context.User, cancel) is not { } caller || await sheets.GetAsync(id, caller, cancel) is not { } view)
            return TypedResults.NotFound();
        context.Response.Headers.ETag = view.ETag;
        return TypedResults.Ok(Document(view, context));
    }

    private static async Task<Results<FileContentHttpResult, NotFound, ValidationProblem>> Export(
        int id, string? format, Callers callers, SheetService sheets, HttpContext context, CancellationToken cancel)
    {
        format ??= "docx";
        if (!Documents.Sheets.SheetExport.IsFormat(format))
            return TypedResults.ValidationProblem(new Dictionary<string, string[]>
            {
                ["format"] = [ApiText.LanguageOf(context) == Language.En ? $"“{format}” is not a format; use docx, xlsx or pdf." : $"不支持“{format}”格式，可用 docx、xlsx 或 pdf。"],
            });
        if (await callers.FromAsync(context.User, cancel) is not { } caller || await sheets.GetAsync(id, caller, cancel) is not { } view)
            return TypedResults.NotFound();
        using var output = new MemoryStream();
        Documents.Sheets.SheetExport.Write(output, format, view.Rubric, view.Score, new Documents.Sheets.SheetHeading(view.Campaign.Name, view.Campaign.Year));
        return TypedResults.File(output.ToArray(), Documents.Sheets.SheetExport.ContentType(format), $"{view.TargetName}-考评表.{format}");
    }

    private static async Task<IResult> Transition(int id, TransitionInput input, Callers callers, SheetService sheets, HttpContext context, CancellationToken cancel)
    {
        if (await callers.FromAsync(context.User, cancel) is not { } caller)
            return TypedResults.NotFound();
        if (!Enum.TryParse<Campaigns.SheetAction>(input.Action, ignoreCase: true, out var action) || int.TryParse(input.Action, out _))
        {
            var names = string.Join(", ", Enum.GetNames<Campaigns.SheetAction>().Select(System.Text.Json.JsonNamingPolicy.CamelCase.ConvertName));
            return TypedResults.ValidationProblem(new Dictionary<string, string[]>
            {
                ["action"] = [ApiText.LanguageOf(context) == Language.En ? $"“{input.Action}” is not an action ({names})." : $"“{input.Action}”不是可执行的操作（{names}）。"],
            });
        }
        return Answer(await sheets.MoveAsync(id, action, input.Comment, caller, context.User.Identity?.Name ?? "", cancel), context);
    }

    private static IResult Answer(SheetUpdate result, HttpContext context)
    {
        var en = ApiText.LanguageOf(context) == Language.En;
        switch (result)
        {
            case SheetUpdate.Saved saved:
                context.Response.Headers.ETag = saved.View.ETag;
                return TypedResults.Ok(Document(saved.View, context));
            case SheetUpdate.Stale stale:
                context.Response.Headers.ETag = stale.Current.ETag;
                return TypedResults.Problem(
                    en ? "The sheet was changed by someone else; reload it and apply your change again." : "考评表已被他人修改，请重新读取后再修改。",
                    statusCode: StatusCodes.Status412PreconditionFailed,
                    extensions: new Dictionary<string, object?> { ["current"] = Document(stale.Current, context) });
            case SheetUpdate.Invalid invalid:
                return TypedResults.ValidationProblem(invalid.Problems.Errors(context));
            case SheetUpdate.Forbidden forbidden:
                return TypedResults.Problem(forbidden.Reason.In(context), statusCode: StatusCodes.Status403Forbidden);
            case SheetUpdate.Conflict conflict:
                return TypedResults.Problem(conflict.Reason.In(context), statusCode: StatusCodes.Status409Conflict);
            default:
                return TypedResults.NotFound();
        }
    }

    private static async Task<IResult> PutFindings(
        int id, string key, ItemFindingsInput input, Callers callers, SheetService sheets, HttpContext context, CancellationToken cancel)
    {
        if (await callers.FromAsync(context.User, cancel) is not { } caller)
            return TypedResults.NotFound();
        var en = ApiText.LanguageOf(context) == Language.En;
        var ifMatch = context.Request.Headers.IfMatch.ToString();
        if (string.IsNullOrWhiteSpace(ifMatch))
            return TypedResults.Problem(en ? "Send the sheet's ETag in If-Match." : "请在 If-Match 中给出考评表的 ETag。", statusCode: StatusCodes.Status428PreconditionRequired);
        if (!ItemKey.TryParse(key, out var itemKey))
            return TypedResults.ValidationProblem(new Dictionary<string, string[]> { ["key"] = [en ? $"“{key}” is not an item key such as 1.1.2." : $"“{key}”不是考评项目编号（如1.1.2）。"] });
        var (findings, errors) = Read(itemKey, input, en);
        if (errors.Count > 0)
            return TypedResults.ValidationProblem(errors);
        var expected = SheetService.VersionOf(ifMatch) ?? -1;
        var result = await sheets.UpdateItemAsync(id, key, findings, input.Remark, expected, caller, context.User.Identity?.Name ?? "", cancel);
        return Answer(result, context);
    }

    private static (List<Finding> Findings, Dictionary<string, string[]> Errors) Read(ItemKey item, ItemFindingsInput input, bool en)
    {
        var findings = new List<Finding>();
        var errors = new Dictionary<string, string[]>();
        var list = input.Findings ?? [];
        for (var i = 0; i < list.Count; i++)
        {
            var f = list[i];
            void Error(string zh, string english) => errors[$"findings[{i}]"] = [en ? english : zh];
            if (f.Clause is { } clause)
            {
                if (f.Deduction is not null)
                    Error("不能同时有条款和人工扣分。", "cannot have both a clause and a manual deduction.");
                else if (clause != decimal.Truncate(clause) || clause is < 1 or > 1000)
                    Error($"条款序号应是从1开始的整数，读到{clause}。", $"the clause must be a whole number from 1; got {clause}.");
                else if (f.Count is { } count && (count != decimal.Truncate(count) || count < 0 || count > 100000))
                    Error($"次数应是0或正整数，读到{count}。", $"the count must be 0 or a positive whole number; got {count}.");
                else
                    findings.Add(new ClauseFinding(item, (int)clause, (int)(f.Count ?? 1)));
            }
            else if (f.Deduction is { } deduction)
            {
                if (string.IsNullOrWhiteSpace(f.Reason))
                    Error("人工扣分必须写明原因。", "a manual deduction needs a reason.");
                else if (deduction <= 0 || deduction > 1000)
                    Error($"人工扣分应大于0，读到{deduction}。", $"a manual deduction must be more than 0; got {deduction}.");
                else if (f.Reason.Length > 1000)
                    Error("原因不能超过1000字。", "the reason cannot be longer than 1000 characters.");
                else
                    findings.Add(new ManualDeduction(item, Points.Normalize(deduction), f.Reason.Trim()));
            }
            else
            {
                Error("应有条款序号（clause）或人工扣分（deduction 和 reason）。", "needs a clause, or a deduction with a reason.");
            }
        }
        return (findings, errors);
    }

    public static SheetDocument Document(SheetView view, HttpContext context)
    {
        var en = ApiText.LanguageOf(context) == Language.En;
        var sheet = view.Sheet;
        return new SheetDocument(
            sheet.Id, sheet.CampaignId, view.TargetName, sheet.Team?.Name,
            System.Text.Json.JsonNamingPolicy.CamelCase.ConvertName(sheet.State.ToString()),
            en ? Campaigns.SheetStates.English(sheet.State) : Campaigns.SheetStates.Chinese(sheet.State),
            view.CanEdit,
            [.. view.Actions.Select(a => System.Text.Json.JsonNamingPolicy.CamelCase.ConvertName(a.ToString()))],
            [.. sheet.Findings.OrderBy(f => f.Position).Select(f => new FindingOutput(f.ItemKey, f.Clause, f.Clause is null ? null : f.Count, f.Deduction, f.Reason))],
            sheet.Remarks.ToDictionary(r => r.ItemKey, r => r.Text),
            view.Score);
    }
}
