using System.Text.Json;
using Kaoping.Schemes;
using Kaoping.Text;
using Kaoping.Web.Services.Schemes;
using Microsoft.AspNetCore.Http.HttpResults;

namespace Kaoping.Web.Api;

public sealed record SchemeListItem(int Id, string Title, decimal Points, string SheetPart, int SheetRubricId, string? AccidentPart, int PartCount, bool InUse);

/// <summary>A stored scheme: what the library knows of it, and <c>scheme</c>, its JSON as the Core reads it (rubrics as <c>library:ID</c>).</summary>
public sealed record SchemeDocument(int Id, string Title, decimal Points, string SheetPart, int SheetRubricId, string? AccidentPart, JsonElement Scheme);

/// <summary>The scheme library: list, one scheme, and import (the office) of a scheme's JSON, checked by the Core.</summary>
public static class SchemesApi
{
    public static IEndpointRouteBuilder MapSchemesApi(this IEndpointRouteBuilder routes)
    {
        var api = routes.MapGroup("/api/schemes").WithTags("Schemes").RequireAuthorization(Auth.ApiPolicy);
        api.MapGet("/", List);
        api.MapGet("/{id:int}", Get);
        api.MapPost("/", Import).RequireAuthorization(Auth.AdminPolicy).RequireAntiforgeryForCookies()
            .WithSummary("Import a scheme: the body is its JSON (docs/scoring.md; rubrics as library:ID, builtin:NAME or an imported file's name): "
                + "201, or 400 naming the field (errors: {\"parts[0].points\": […]}) and nothing saved.");
        return routes;
    }

    private static async Task<Ok<IReadOnlyList<SchemeListItem>>> List(SchemeLibrary library, CancellationToken cancel) =>
        TypedResults.Ok<IReadOnlyList<SchemeListItem>>([.. (await library.ListAsync(cancel)).Select(s => new SchemeListItem(s.Id, s.Title, s.Points,
            s.SheetPart, s.SheetRubricId, s.AccidentPart, s.PartCount, s.InUse))]);

    private static async Task<Results<Ok<SchemeDocument>, NotFound>> Get(int id, SchemeLibrary library, CancellationToken cancel) =>
        await library.GetAsync(id, cancel) is { } found ? TypedResults.Ok(Document(found.Stored)) : TypedResults.NotFound();

    private static async Task<Results<Created<SchemeDocument>, ValidationProblem, ForbidHttpResult>> Import(HttpContext context, ApiCaller caller,
        SchemeLibrary library, CancellationToken cancel)
    {
        if (caller.Known?.Role is not Campaigns.Role.Admin)
            return TypedResults.Forbid();
        // Read asynchronously (the server refuses synchronous reads of a request body), within the scheme file's bound.
        using var body = new MemoryStream();
        var chunk = new byte[16 * 1024];
        for (int read; (read = await context.Request.Body.ReadAsync(chunk, cancel)) > 0;)
        {
            if (body.Length + read > SchemeJson.MaxBytes)
                return TypedResults.ValidationProblem(new Dictionary<string, string[]> { ["json"] = [LocalizedText.Format(
                    "方案文件过大（超过{0} KB）。", "the scheme is too large (over {0} KB).", SchemeJson.MaxBytes / 1024).In(context)] });
            body.Write(chunk, 0, read);
        }
        body.Position = 0;
        var check = await library.CheckJsonAsync(body, "scheme.json", cancel);
        if (!check.CanSave)
            return TypedResults.ValidationProblem(new Dictionary<string, string[]> { [check.Field ?? "json"] = [check.Error!.In(context)] },
                title: ApiText.LanguageOf(context) == Language.En ? "The scheme was not saved" : "考核方案未保存");
        if (await library.SaveAsync(check, caller.Known, caller.UserName, cancel) is not { } stored)
            return TypedResults.Forbid();
        return TypedResults.Created($"/api/schemes/{stored.Id}", Document(stored));
    }

    private static SchemeDocument Document(Data.Entities.StoredScheme s)
    {
        using var json = JsonDocument.Parse(s.Json);
        return new SchemeDocument(s.Id, s.Title, s.Points, s.SheetPart, s.SheetRubricId, s.AccidentPart, json.RootElement.Clone());
    }
}
