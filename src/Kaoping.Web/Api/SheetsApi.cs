using System.Text.Json.Serialization;
using Kaoping.Campaigns;
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

public sealed record EvidenceOutput(long Id, string Item, string Side, string FileName, string ContentType, long Size, string Sha256, string UploadedBy, DateTimeOffset UploadedAt);

public sealed record AppealOutput(long Id, string Item, string Reason, string FiledBy, DateTimeOffset FiledAt, string Status, string StatusName,
    decimal ScoreBefore, decimal? ScoreAfter, string? Decision, string? DecidedBy, DateTimeOffset? DecidedAt);

/// <summary>
/// A sheet for its reader. <c>findings</c>, <c>remarks</c> and <c>score</c> are the team's (empty and null for a
/// reporter until published); <c>selfFindings</c>, <c>selfRemarks</c> and <c>selfScore</c> the target's self-assessment.
/// </summary>
public sealed record SheetDocument(
    int Id, int CampaignId, string Target, string? Team, string State, string StateName, bool CanEdit,
    [property: JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)] string? EditableSide,
    IReadOnlyList<string> Actions,
    IReadOnlyList<FindingOutput> Findings, IReadOnlyDictionary<string, string> Remarks, SheetScore? Score,
    IReadOnlyList<FindingOutput> SelfFindings, IReadOnlyDictionary<string, string> SelfRemarks, SheetScore SelfScore,
    IReadOnlyList<string> Differences, DateOnly? Due, int DaysLate, bool CanAppeal, bool IsFinal,
    IReadOnlyList<EvidenceOutput> Evidence, IReadOnlyList<AppealOutput> Appeals);

public sealed record AuditOutput(long Id, DateTimeOffset At, string By, string Kind, string KindName, string? Item, string? Before, string? After, string? Why);

public sealed record AppealInput(string? Item, string? Reason);

public sealed record AppealDecisionInput(string? Decision, string? Comment, IReadOnlyList<FindingInput>? Findings, string? Remark);

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
            .WithSummary("Replace one item's findings (If-Match: the sheet's ETag): the team's while assessing, the target's self-assessment while self-assessing. 412 when the sheet changed meanwhile.");
        api.MapPost("/{id:int}/items/{key}/evidence", PostEvidence).DisableAntiforgery()
            .WithSummary("Upload evidence for an item (multipart field \"file\"): PDF, images, Word or Excel, told from the content. 201; 400 for another type, 413 when too large.");
        api.MapGet("/{id:int}/evidence/{evidenceId:long}", GetEvidence).WithSummary("An evidence file (inline for images and PDF; ?download=true to save it).");
        api.MapDelete("/{id:int}/evidence/{evidenceId:long}", DeleteEvidence).WithSummary("Remove evidence from the sheet (the file and the audit entry stay).");
        api.MapGet("/{id:int}/audit", Audit).WithSummary("The sheet's audit trail, oldest first: who changed what, when, before and after, and why.");
        api.MapPost("/{id:int}/appeals", PostAppeal).WithSummary("Appeal an item's deductions after publication ({\"item\",\"reason\"}): the target's reporter, within the appeal window.");
        api.MapPost("/{id:int}/appeals/{appealId:long}/decision", DecideAppeal)
            .WithSummary("The office decides an appeal: {\"decision\":\"uphold\"|\"amend\",\"comment\",\"findings\":[…]}; an amendment re-scores the sheet.");
        return routes;
    }

    private static async Task<IResult> PostEvidence(int id, string key, EvidenceService evidence, Callers callers, HttpContext context, CancellationToken cancel)
    {
        if (await callers.FromAsync(context.User, cancel) is not { } caller)
            return TypedResults.NotFound();
        var en = ApiText.LanguageOf(context) == Language.En;
        // The body may be a little larger than the file (the multipart framing); anything beyond that is refused unread.
        var limit = evidence.MaxBytes + 64 * 1024;
        if (context.Features.Get<Microsoft.AspNetCore.Http.Features.IHttpMaxRequestBodySizeFeature>() is { IsReadOnly: false } size)
            size.MaxRequestBodySize = limit;
        if (context.Request.ContentLength > limit)
            return TooLarge(evidence.MaxBytes, context);
        if (!context.Request.HasFormContentType)
            return TypedResults.ValidationProblem(new Dictionary<string, string[]> { ["file"] = [en ? "Upload the file as multipart/form-data in the field “file”." : "请以 multipart/form-data 在“file”字段上传文件。"] });
        IFormFile? file;
        try
        {
            file = (await context.Request.ReadFormAsync(cancel)).Files.GetFile("file");
        }
        catch (BadHttpRequestException e) when (e.StatusCode == StatusCodes.Status413PayloadTooLarge)
        {
            return TooLarge(evidence.MaxBytes, context);
        }
        catch (InvalidDataException)
        {
            return TypedResults.ValidationProblem(new Dictionary<string, string[]> { ["file"] = [en ? "The upload is not a readable multipart form." : "上传的内容不是可读的表单。"] });
        }
        if (file is null)
            return TypedResults.ValidationProblem(new Dictionary<string, string[]> { ["file"] = [en ? "Upload the file in the field “file”." : "请在“file”字段上传文件。"] });
        await using var stream = file.OpenReadStream();
        var (result, added) = await evidence.AddAsync(id, key, file.FileName, stream, caller, context.User.Identity?.Name ?? "", cancel);
        if (added is not null && result is SheetUpdate.Saved saved)
        {
            context.Response.Headers.ETag = saved.View.ETag;
            return TypedResults.Created($"/api/sheets/{id}/evidence/{added.Id}", Output(added));
        }
        return Answer(result, context);
    }

    private static IResult TooLarge(long maxBytes, HttpContext context) =>
        TypedResults.Problem(new EvidenceTooLargeException(maxBytes).Reason.In(context), statusCode: StatusCodes.Status413PayloadTooLarge);

    private static async Task<IResult> GetEvidence(int id, long evidenceId, bool? download, EvidenceService evidence, Callers callers, HttpContext context, CancellationToken cancel)
    {
        if (await callers.FromAsync(context.User, cancel) is not { } caller || await evidence.OpenAsync(id, evidenceId, caller, cancel) is not { } file)
            return TypedResults.NotFound();
        context.Response.Headers.XContentTypeOptions = "nosniff";
        // An image opened on its own runs nothing; a PDF needs the browser's viewer, which a sandbox would block.
        if (file.Evidence.Kind.IsImage())
            context.Response.Headers.ContentSecurityPolicy = "default-src 'none'; img-src 'self'; style-src 'unsafe-inline'; sandbox";
        var inline = download != true && file.Evidence.Kind.CanPreview();
        var disposition = new Microsoft.Net.Http.Headers.ContentDispositionHeaderValue(inline ? "inline" : "attachment");
        disposition.SetHttpFileName(file.Evidence.FileName);
        context.Response.Headers.ContentDisposition = disposition.ToString();
        return TypedResults.Stream(file.Content, file.Evidence.Kind.ContentType(), enableRangeProcessing: true);
    }

    private static async Task<IResult> DeleteEvidence(int id, long evidenceId, EvidenceService evidence, Callers callers, HttpContext context, CancellationToken cancel)
    {
        if (await callers.FromAsync(context.User, cancel) is not { } caller)
            return TypedResults.NotFound();
        return Answer(await evidence.RemoveAsync(id, evidenceId, caller, context.User.Identity?.Name ?? "", cancel), context);
    }

    private static async Task<IResult> Audit(int id, SheetService sheets, Callers callers, HttpContext context, CancellationToken cancel)
    {
        if (await callers.FromAsync(context.User, cancel) is not { } caller || await sheets.AuditAsync(id, caller, cancel) is not { } entries)
            return TypedResults.NotFound();
        var en = ApiText.LanguageOf(context) == Language.En;
        return TypedResults.Ok(entries.Select(e => new AuditOutput(e.Id, e.At, e.By, CamelCase(e.Kind.ToString()),
            en ? e.Kind.English() : e.Kind.Chinese(), e.ItemKey, e.Before, e.After, e.Why)).ToList());
    }

    private static async Task<IResult> PostAppeal(int id, AppealInput input, AppealService appeals, Callers callers, HttpContext context, CancellationToken cancel)
    {
        if (await callers.FromAsync(context.User, cancel) is not { } caller)
            return TypedResults.NotFound();
        var (result, filed) = await appeals.FileAsync(id, input.Item ?? "", input.Reason, caller, context.User.Identity?.Name ?? "", cancel);
        if (filed is not null && result is SheetUpdate.Saved saved)
        {
            context.Response.Headers.ETag = saved.View.ETag;
            return TypedResults.Created($"/api/sheets/{id}", Output(filed, context));
        }
        return Answer(result, context);
    }

    private static async Task<IResult> DecideAppeal(int id, long appealId, AppealDecisionInput input, AppealService appeals, Callers callers, HttpContext context, CancellationToken cancel)
    {
        if (await callers.FromAsync(context.User, cancel) is not { } caller)
            return TypedResults.NotFound();
        var en = ApiText.LanguageOf(context) == Language.En;
        IReadOnlyList<Finding>? amended = null;
        switch (input.Decision?.Trim().ToLowerInvariant())
        {
            case "uphold":
                break;
            case "amend":
                if (input.Findings is null)
                    return TypedResults.ValidationProblem(new Dictionary<string, string[]> { ["findings"] = [en ? "An amendment gives the item's new findings (an empty list takes every deduction back)." : "改正须给出该项目新的扣分（空列表表示全部撤销）。"] });
                var item = await appeals.ItemOfAsync(id, appealId, cancel);
                if (item is null)
                    return TypedResults.NotFound();
                var (findings, errors) = Read(item.Value, new ItemFindingsInput(input.Findings, input.Remark), en);
                if (errors.Count > 0)
                    return TypedResults.ValidationProblem(errors);
                amended = findings;
                break;
            default:
                return TypedResults.ValidationProblem(new Dictionary<string, string[]> { ["decision"] = [en ? $"“{input.Decision}” is not a decision (uphold, amend)." : $"“{input.Decision}”不是处理结果（uphold 维持，amend 改正）。"] });
        }
        return Answer(await appeals.DecideAsync(id, appealId, amended, input.Remark, input.Comment, caller, context.User.Identity?.Name ?? "", cancel), context);
    }

    private static string CamelCase(string name) => System.Text.Json.JsonNamingPolicy.CamelCase.ConvertName(name);

    private static EvidenceOutput Output(Data.Entities.SheetEvidence e) =>
        new(e.Id, e.ItemKey, CamelCase(e.Side.ToString()), e.FileName, e.Kind.ContentType(), e.Size, e.Sha256, e.UploadedBy, e.UploadedAt);

    private static AppealOutput Output(Data.Entities.SheetAppeal a, HttpContext context) =>
        new(a.Id, a.ItemKey, a.Reason, a.FiledBy, a.FiledAt, CamelCase(a.Status.ToString()),
            ApiText.LanguageOf(context) == Language.En ? Campaigns.Appeals.English(a.Status) : Campaigns.Appeals.Chinese(a.Status),
            a.ScoreBefore, a.ScoreAfter, a.Decision, a.DecidedBy, a.DecidedAt);

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
        // A reporter sees the team's scores only once published; before that the export is their self-assessment.
        var self = !view.Rights.SeesTeam;
        using var output = new MemoryStream();
        Documents.Sheets.SheetExport.Write(output, format, view.Rubric, self ? view.SelfScore : view.Score,
            new Documents.Sheets.SheetHeading(self ? view.Campaign.Name + "（自评）" : view.Campaign.Name, view.Campaign.Year));
        return TypedResults.File(output.ToArray(), Documents.Sheets.SheetExport.ContentType(format), $"{view.TargetName}-{(self ? "自评表" : "考评表")}.{format}");
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
            case SheetUpdate.TooLarge tooLarge:
                return TypedResults.Problem(tooLarge.Reason.In(context), statusCode: StatusCodes.Status413PayloadTooLarge);
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
        var result = await sheets.UpdateItemAsync(id, key, findings, input.Remark, new Expectation.Version(expected), caller, context.User.Identity?.Name ?? "", cancel);
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
        var seesTeam = view.Rights.SeesTeam;
        List<FindingOutput> FindingsOf(Campaigns.FindingSide side) =>
            [.. sheet.Findings.Where(f => f.Side == side).OrderBy(f => f.Position).Select(f => new FindingOutput(f.ItemKey, f.Clause, f.Clause is null ? null : f.Count, f.Deduction, f.Reason))];
        Dictionary<string, string> RemarksOf(Campaigns.FindingSide side) => sheet.Remarks.Where(r => r.Side == side).ToDictionary(r => r.ItemKey, r => r.Text);
        return new SheetDocument(
            sheet.Id, sheet.CampaignId, view.TargetName, sheet.Team?.Name,
            CamelCase(sheet.State.ToString()),
            en ? Campaigns.SheetStates.English(sheet.State) : Campaigns.SheetStates.Chinese(sheet.State),
            view.CanEdit,
            view.Rights.Editable is { } side ? CamelCase(side.ToString()) : null,
            [.. view.Actions.Select(a => CamelCase(a.ToString()))],
            seesTeam ? FindingsOf(Campaigns.FindingSide.Team) : [],
            seesTeam ? RemarksOf(Campaigns.FindingSide.Team) : new Dictionary<string, string>(),
            seesTeam ? view.Score : null,
            FindingsOf(Campaigns.FindingSide.Self),
            RemarksOf(Campaigns.FindingSide.Self),
            view.SelfScore,
            [.. view.Differences.Select(k => k.ToString())],
            view.Rights.Due, view.Rights.DaysLate, view.Rights.CanAppeal, view.Rights.IsFinal,
            [.. sheet.Evidence.Where(e => e.RemovedAt is null && (seesTeam || e.Side == Campaigns.FindingSide.Self)).OrderBy(e => e.Id).Select(Output)],
            [.. sheet.Appeals.OrderBy(a => a.Id).Select(a => Output(a, context))]);
    }
}
