using Kaoping.Campaigns;
using Kaoping.Data.Entities;
using Kaoping.Web.Services;
using Microsoft.AspNetCore.Http.Features;

namespace Kaoping.Web.Api;

public sealed record EvidenceOutput(long Id, string Item, string Side, string FileName, string ContentType, long Size, string Sha256, string UploadedBy,
    DateTimeOffset UploadedAt)
{
    public static EvidenceOutput Of(SheetEvidence e) =>
        new(e.Id, e.ItemKey.ToString(), Names.CamelCase(e.Side.ToString()), e.FileName, e.Kind.ContentType(), e.Size, e.Sha256, e.UploadedBy, e.UploadedAt);
}

/// <summary>佐证材料 of a sheet's items: upload, download or preview, remove.</summary>
internal static class SheetEvidenceApi
{
    public static void MapSheetEvidence(this RouteGroupBuilder api)
    {
        api.MapPost("/{id:int}/items/{key}/evidence", Post).RequireAntiforgeryForCookies()
            .WithSummary("Upload evidence for an item (multipart field \"file\"): PDF, images, Word or Excel, told from the content. "
                + "201; 400 for another type, 413 when too large.");
        api.MapGet("/{id:int}/evidence/{evidenceId:long}", Get)
            .WithSummary("An evidence file (inline for images and PDF; ?download=true to save it); 409 when it no longer matches its SHA-256.");
        api.MapDelete("/{id:int}/evidence/{evidenceId:long}", Delete).WithSummary("Remove evidence from the sheet (the file and the audit entry stay).");
    }

    private static async Task<IResult> Post(int id, string key, EvidenceService evidence, ApiCaller caller, HttpContext context, CancellationToken cancel)
    {
        // The body may be a little larger than the file (the multipart framing); anything beyond that is refused unread.
        var limit = evidence.MaxBytes + 64 * 1024;
        if (context.Features.Get<IHttpMaxRequestBodySizeFeature>() is { IsReadOnly: false } size)
            size.MaxRequestBodySize = limit;
        if (context.Request.ContentLength > limit)
            return TooLarge(evidence.MaxBytes, caller);
        if (!context.Request.HasFormContentType)
            return FileProblem(caller, new("请以 multipart/form-data 在“file”字段上传文件。", "Upload the file as multipart/form-data in the field “file”."));
        if (SheetAnswers.ReadKey(key) is not { } item)
            return SheetAnswers.BadKey(key, caller, "item");
        IFormFile? file;
        try
        {
            file = (await context.Request.ReadFormAsync(cancel)).Files.GetFile("file");
        }
        catch (BadHttpRequestException e) when (e.StatusCode == StatusCodes.Status413PayloadTooLarge)
        {
            return TooLarge(evidence.MaxBytes, caller);
        }
        catch (InvalidDataException)
        {
            return FileProblem(caller, new("上传的内容不是可读的表单。", "The upload is not a readable multipart form."));
        }
        if (file is null)
            return FileProblem(caller, new("请在“file”字段上传文件。", "Upload the file in the field “file”."));
        await using var stream = file.OpenReadStream();
        var (result, added) = await evidence.AddAsync(id, item, file.FileName, stream, caller.Caller, caller.UserName, cancel);
        if (added is not null && result is SheetUpdate.Saved saved)
        {
            context.Response.Headers.ETag = saved.View.ETag;
            return TypedResults.Created($"/api/sheets/{id}/evidence/{added.Id}", EvidenceOutput.Of(added));
        }
        return SheetAnswers.Of(result, caller, context);
    }

    private static IResult FileProblem(ApiCaller caller, Text.LocalizedText problem) =>
        TypedResults.ValidationProblem(new Dictionary<string, string[]> { ["file"] = [caller.Text(problem)] });

    private static IResult TooLarge(long maxBytes, ApiCaller caller) =>
        TypedResults.Problem(caller.Text(new EvidenceTooLargeException(maxBytes).Reason), statusCode: StatusCodes.Status413PayloadTooLarge);

    private static async Task<IResult> Get(int id, long evidenceId, bool? download, EvidenceService evidence, ApiCaller caller, HttpContext context,
        CancellationToken cancel)
    {
        if (await evidence.OpenAsync(id, evidenceId, caller.Caller, caller.UserName, cancel) is not { } file)
            return TypedResults.NotFound();
        if (file.Content is null)
        {
            var what = file.Problem is { } problem ? caller.Text(problem) : caller.English ? "the file is missing." : "文件缺失。";
            return TypedResults.Problem(caller.Text(new("佐证材料文件缺失或已被改动，与上传时记录的 SHA-256 不符，不能提供；此事已记入安全日志。",
                "The evidence file is missing or was changed: it no longer matches the SHA-256 recorded at upload, so it is not served; "
                + "the security log records this.")) + (caller.English ? " Cause: " : "原因：") + what,
                statusCode: StatusCodes.Status409Conflict, title: caller.English ? "Evidence tampered" : "佐证材料被改动");
        }
        context.Response.Headers.XContentTypeOptions = "nosniff";
        // An image opened on its own runs nothing; a PDF needs the browser's viewer, which a sandbox would block.
        if (file.Evidence.Kind.IsImage())
            context.Response.Headers.ContentSecurityPolicy = "default-src 'none'; img-src 'self'; style-src 'unsafe-inline'; sandbox; frame-ancestors 'self'";
        var inline = download != true && file.Evidence.Kind.CanPreview();
        var disposition = new Microsoft.Net.Http.Headers.ContentDispositionHeaderValue(inline ? "inline" : "attachment");
        disposition.SetHttpFileName(file.Evidence.FileName);
        context.Response.Headers.ContentDisposition = disposition.ToString();
        return TypedResults.Stream(file.Content, file.Evidence.Kind.ContentType(), enableRangeProcessing: true);
    }

    private static async Task<IResult> Delete(int id, long evidenceId, EvidenceService evidence, ApiCaller caller, HttpContext context,
        CancellationToken cancel) =>
        SheetAnswers.Of(await evidence.RemoveAsync(id, evidenceId, caller.Caller, caller.UserName, cancel), caller, context);
}
