using Kaoping.Campaigns;
using Kaoping.Rubrics;
using Kaoping.Web.Services;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.Extensions.Options;

namespace Kaoping.Web.Api;

public sealed record RubricListItem(int Id, string Title, string? Annex, decimal Points, int Version, int? PreviousVersionId, int ItemCount, bool InUse,
    int Campaigns, bool Archived);

public static class RubricsApi
{
    public static IEndpointRouteBuilder MapRubricsApi(this IEndpointRouteBuilder routes)
    {
        var api = routes.MapGroup("/api/rubrics").WithTags("Rubrics").RequireAuthorization(Auth.ApiPolicy);
        api.MapGet("/", List);
        api.MapGet("/{id:int}", Get);
        api.MapPost("/", Import).RequireAuthorization(Auth.AdminPolicy).RequireAntiforgeryForCookies()
            .WithSummary("Upload a rubric file (multipart field \"file\"; optional \"previousVersionId\"): 201, or 400 with the problems and nothing saved; "
                + "200 with the stored rubric when one with the same content is in the library already (nothing saved).");
        api.MapPost("/{id:int}/archive", (int id, RubricLibrary library, HttpContext context, CancellationToken cancel) =>
                Change(library.ArchiveAsync(id, true, context.User.Identity?.Name ?? "", cancel), context))
            .RequireAuthorization(Auth.AdminPolicy).RequireAntiforgeryForCookies()
            .WithSummary("Archive a rubric: it stays readable and its campaigns unchanged, but no new campaign can use it.");
        api.MapPost("/{id:int}/restore", (int id, RubricLibrary library, HttpContext context, CancellationToken cancel) =>
                Change(library.ArchiveAsync(id, false, context.User.Identity?.Name ?? "", cancel), context))
            .RequireAuthorization(Auth.AdminPolicy).RequireAntiforgeryForCookies().WithSummary("Take a rubric out of the archive.");
        api.MapDelete("/{id:int}", (int id, RubricLibrary library, HttpContext context, CancellationToken cancel) =>
                Change(library.DeleteAsync(id, context.User.Identity?.Name ?? "", cancel), context))
            .RequireAuthorization(Auth.AdminPolicy).RequireAntiforgeryForCookies()
            .WithSummary("Delete a rubric no campaign uses (409 when one does: archive it instead).");
        return routes;
    }

    private static async Task<Ok<IReadOnlyList<RubricListItem>>> List(RubricLibrary library, CancellationToken cancel)
    {
        var rubrics = await library.ListAsync(cancel);
        return TypedResults.Ok<IReadOnlyList<RubricListItem>>([.. rubrics.Select(r => new RubricListItem(r.Id, r.Title, r.Annex, r.Points,
            r.Version, r.PreviousVersionId, r.ItemCount, r.InUse, r.Campaigns, r.Archived))]);
    }

    private static async Task<IResult> Change(Task<RubricOutcome> change, HttpContext context) => await change switch
    {
        RubricOutcome.Done => TypedResults.NoContent(),
        RubricOutcome.NotFound => TypedResults.NotFound(),
        RubricOutcome.InScheme => TypedResults.Problem(ApiText.LanguageOf(context) == Text.Language.En
            ? "The rubric is a part of a scheme in the library and cannot be deleted; archive it instead."
            : "该考评细则是方案库中考核方案的组成部分，不能删除；可以将它归档。", statusCode: StatusCodes.Status409Conflict),
        _ => TypedResults.Problem(ApiText.LanguageOf(context) == Text.Language.En
            ? "The rubric is used by a campaign and cannot be deleted; archive it instead."
            : "该考评细则已被考评使用，不能删除；可以将它归档。", statusCode: StatusCodes.Status409Conflict),
    };

    private static async Task<Results<Ok<RubricWithId>, NotFound>> Get(int id, RubricLibrary library, HttpContext context, CancellationToken cancel)
    {
        var found = await library.GetAsync(id, cancel);
        return found is { } f ? TypedResults.Ok(RubricWithId.Of(id, f.Model, context)) : TypedResults.NotFound();
    }

    private static async Task<Results<Created<RubricWithId>, Ok<RubricWithId>, ValidationProblem>> Import(
        IFormFile? file, [Microsoft.AspNetCore.Mvc.FromForm] int? previousVersionId, RubricLibrary library,
        IOptions<KaopingOptions> options, HttpContext context, CancellationToken cancel)
    {
        var en = ApiText.LanguageOf(context) == Text.Language.En;
        if (file is null || file.Length == 0)
            return TypedResults.ValidationProblem(new Dictionary<string, string[]> { ["file"] = [en ? "Upload a rubric file in the field “file”."
                : "请在“file”字段上传考评细则文件。"] });
        await using var stream = file.OpenReadStream();
        var import = RubricLibrary.Read(stream, file.FileName, options.Value.MaxRubricUploadBytes);
        if (!import.CanSave)
        {
            var errors = new Dictionary<string, string[]>();
            if (import.Error is { } error)
                errors["file"] = [error.In(context)];
            if (import.Problems.Count > 0)
                errors["points"] = [.. import.Problems.Select(p => p.Describe().In(context))];
            return TypedResults.ValidationProblem(errors, title: en ? "The rubric was not saved" : "考评细则未保存");
        }
        if (await library.IdenticalAsync(import.Rubric!, cancel) is { } same)
        {
            context.Response.Headers.Location = $"/api/rubrics/{same.Id}";
            return TypedResults.Ok(RubricWithId.Of(same.Id, import.Rubric!, context));
        }
        try
        {
            var stored = await library.SaveAsync(import, previousVersionId, context.User.Identity?.Name ?? "", cancel);
            return TypedResults.Created($"/api/rubrics/{stored.Id}", RubricWithId.Of(stored.Id, import.Rubric!, context));
        }
        catch (Text.InvalidInputException e)
        {
            return TypedResults.ValidationProblem(new Dictionary<string, string[]> { ["previousVersionId"] = [e.Text.In(context)] });
        }
    }
}

/// <summary>The CLI's rubric JSON plus the rubric's id in the library.</summary>
public sealed record RubricWithId(
    int Id, string? Annex, string Title, decimal Points, IReadOnlyList<CategoryDocument> Categories, IReadOnlyList<string> Warnings)
{
    public static RubricWithId Of(int id, Rubric rubric, HttpContext context)
    {
        var document = RubricJson.ToDocument(rubric, ApiText.LanguageOf(context));
        return new RubricWithId(id, document.Annex, document.Title, document.Points, document.Categories, document.Warnings);
    }
}

internal static class Auth
{
    /// <summary>Signed in, and no password change due. Roles in every policy are the user's current roles (AccountClaims).</summary>
    public const string ApiPolicy = "api";

    /// <summary>The office (安委办): rubrics, targets, campaigns.</summary>
    public const string AdminPolicy = "api-admin";

    /// <summary>The system administrator (系统管理员): users.</summary>
    public const string SystemAdminPolicy = "api-system-admin";

    /// <summary>Signed in, even with a password change due: changing it, signing out.</summary>
    public const string SignedInPolicy = "api-signed-in";

    /// <summary>The password page: signed in with the cookie, even with a password change due.</summary>
    public const string PasswordPagePolicy = "page-password";

    public static string[] ApiSchemes { get; } = [Microsoft.AspNetCore.Identity.IdentityConstants.BearerScheme,
        Microsoft.AspNetCore.Identity.IdentityConstants.ApplicationScheme];

    public static string AdminRole => Roles.Admin;
}
