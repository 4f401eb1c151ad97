using Kaoping.Campaigns;
using Kaoping.Rubrics;
using Kaoping.Scoring;
using Kaoping.Web.Services;
using Microsoft.AspNetCore.Http.HttpResults;

namespace Kaoping.Web.Api;

/// <summary>A sheet: read it, export it, move it along its workflow, change an item's findings, read its audit trail.</summary>
public static class SheetsApi
{
    public static IEndpointRouteBuilder MapSheetsApi(this IEndpointRouteBuilder routes)
    {
        var api = routes.MapGroup("/api/sheets").WithTags("Sheets").RequireAuthorization(Auth.ApiPolicy).RequireCaller();
        api.MapGet("/{id:int}", Get).WithSummary("A sheet with its findings and score; the ETag header is its version.");
        api.MapGet("/{id:int}/export", Export).WithSummary("The filled sheet in the rubric's own layout: format=docx, xlsx or pdf.");
        api.MapPost("/{id:int}/transitions", Transition)
            .WithSummary("Take a workflow action ({\"action\":\"submitAssessment\",\"comment\":…}); 403 when it is not the caller's, 409 in the wrong state.");
        api.MapPut("/{id:int}/items/{key}/findings", PutFindings)
            .WithSummary("Replace one item's findings (If-Match: the sheet's ETag): the team's while assessing, the target's self-assessment while "
                + "self-assessing. 412 when the sheet changed meanwhile.");
        api.MapGet("/{id:int}/audit", Audit).WithSummary("The sheet's audit trail, oldest first: who changed what, when, before and after, and why.");
        api.MapSheetEvidence();
        api.MapSheetAppeals();
        api.MapSheetCorrections();
        api.MapSheetNotApplicable();
        return routes;
    }

    private static async Task<Results<Ok<SheetDocument>, NotFound>> Get(int id, ApiCaller caller, SheetService sheets, HttpContext context,
        CancellationToken cancel)
    {
        if (await sheets.GetAsync(id, caller.Caller, cancel) is not { } view)
            return TypedResults.NotFound();
        context.Response.Headers.ETag = view.ETag;
        return TypedResults.Ok(SheetDocument.Of(view, caller.Language));
    }

    private static async Task<Results<FileContentHttpResult, NotFound, ValidationProblem>> Export(
        int id, string? format, ApiCaller caller, SheetService sheets, CancellationToken cancel)
    {
        format ??= "docx";
        if (!Documents.Sheets.SheetExport.IsFormat(format))
        {
            return TypedResults.ValidationProblem(new Dictionary<string, string[]>
            {
                ["format"] = [caller.English ? $"“{format}” is not a format; use docx, xlsx or pdf." : $"不支持“{format}”格式，可用 docx、xlsx 或 pdf。"],
            });
        }
        if (await sheets.GetAsync(id, caller.Caller, cancel) is not { } view)
            return TypedResults.NotFound();
        // A reporter sees the team's scores only once published; before that the export is their self-assessment.
        var self = !view.Rights.SeesTeam;
        using var output = new MemoryStream();
        Documents.Sheets.SheetExport.Write(output, format, view.Rubric, self ? view.SelfScore : view.Score,
            new Documents.Sheets.SheetHeading(self ? view.Campaign.Name + "（自评）" : view.Campaign.Name, view.Campaign.Year)
            {
                NotApplicable = self ? new Dictionary<ItemKey, string>() : view.Sheet.NotApplicable.ToDictionary(n => n.ItemKey, n => n.Reason),
            });
        return TypedResults.File(output.ToArray(), Documents.Sheets.SheetExport.ContentType(format), $"{view.TargetName}-{(self ? "自评表" : "考评表")}.{format}");
    }

    private static async Task<IResult> Transition(int id, TransitionInput input, ApiCaller caller, SheetService sheets, HttpContext context,
        CancellationToken cancel)
    {
        if (SheetAnswers.ReadAction(input.Action) is not { } action)
            return SheetAnswers.BadAction(input.Action, caller);
        return SheetAnswers.Of(await sheets.MoveAsync(id, action, input.Comment, caller.Caller, caller.UserName, cancel), caller, context);
    }

    private static async Task<IResult> PutFindings(int id, string key, ItemFindingsInput input, ApiCaller caller, SheetService sheets, HttpContext context,
        CancellationToken cancel)
    {
        var ifMatch = context.Request.Headers.IfMatch.ToString();
        if (string.IsNullOrWhiteSpace(ifMatch))
            return SheetAnswers.IfMatchRequired(caller);
        if (SheetAnswers.ReadKey(key) is not { } itemKey)
            return SheetAnswers.BadKey(key, caller);
        var (findings, problems) = FindingReader.ReadItem(itemKey, input.Findings ?? []);
        if (problems.Count > 0)
            return SheetAnswers.Problems(problems, caller);
        var expected = new Expectation.Version(SheetETag.VersionOf(ifMatch) ?? -1);
        return SheetAnswers.Of(await sheets.UpdateItemAsync(id, itemKey, findings, input.Remark, expected, caller.Caller, caller.UserName, cancel),
            caller, context);
    }

    private static async Task<IResult> Audit(int id, ApiCaller caller, SheetService sheets, CancellationToken cancel) =>
        await sheets.AuditAsync(id, caller.Caller, cancel) is { } entries
            ? TypedResults.Ok(entries.Select(e => AuditOutput.Of(e, caller.Language)).ToList())
            : TypedResults.NotFound();
}
