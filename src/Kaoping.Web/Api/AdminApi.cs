using Kaoping.Text;
using Kaoping.Web.Services;
using Kaoping.Web.Services.Spreadsheets;
using Microsoft.AspNetCore.Http.HttpResults;

namespace Kaoping.Web.Api;

public sealed record TargetInput(string Name, string? Kind, string? Region = null);

public sealed record TargetOutput(int Id, string Name, string Kind, string? Region);

/// <summary>The office's targets (安委办; everyone signed in reads them). Users are <see cref="UsersApi"/>.</summary>
public static class AdminApi
{
    internal const string Xlsx = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet";

    public static IEndpointRouteBuilder MapAdminApi(this IEndpointRouteBuilder routes)
    {
        var targets = routes.MapGroup("/api/targets").WithTags("Administration").RequireAuthorization(Auth.ApiPolicy);
        targets.MapGet("/", ListTargets);
        targets.MapPost("/", AddTarget).RequireAuthorization(Auth.AdminPolicy);
        targets.MapGet("/template.xlsx", () => TypedResults.File(TargetWorkbook.Write([]), Xlsx, "被考评单位模板.xlsx")).RequireAuthorization(Auth.AdminPolicy)
            .WithSummary("The empty Excel template: 被考评单位名称, 类型, 所属地区 (e.g. 河南省 › 许昌市).");
        targets.MapGet("/export.xlsx", Export).RequireAuthorization(Auth.AdminPolicy).WithSummary("Every target in the template's layout.");
        targets.MapPost("/import", Import).RequireAuthorization(Auth.AdminPolicy).RequireAntiforgeryForCookies()
            .WithSummary("Import the filled template (multipart \"file\", ≤ 1 MB, ≤ 3,000 rows): new names added, known names take the file's kind and "
                + "region; all rows or none; a wrong cell → 400 naming its row and column; → {\"added\",\"updated\"}; audited.");
        return routes;
    }

    private static async Task<FileContentHttpResult> Export(AdminService admin, CancellationToken cancel) =>
        TypedResults.File(TargetWorkbook.Write(await admin.TargetsAsync(cancel)), Xlsx, "被考评单位.xlsx");

    private static async Task<Results<Ok<ImportCount>, ValidationProblem>> Import(IFormFile? file, TargetImport import, HttpContext context,
        CancellationToken cancel)
    {
        if (file is null || file.Length == 0)
            return NoFile(context);
        try
        {
            await using var stream = file.OpenReadStream();
            return TypedResults.Ok(await import.ImportAsync(stream, file.FileName, context.User.Identity?.Name ?? "", cancel));
        }
        catch (InvalidInputException e)
        {
            return TypedResults.ValidationProblem(new Dictionary<string, string[]> { ["file"] = [e.Text.In(context)] });
        }
    }

    internal static ValidationProblem NoFile(HttpContext context) =>
        TypedResults.ValidationProblem(new Dictionary<string, string[]> { ["file"] = [new LocalizedText(
            "请在“file”字段上传填好的模板（.xlsx）。", "Upload the filled template (.xlsx) in the field “file”.").In(context)] });

    private static async Task<Ok<IReadOnlyList<TargetOutput>>> ListTargets(AdminService admin, CancellationToken cancel) =>
        TypedResults.Ok<IReadOnlyList<TargetOutput>>([.. (await admin.TargetsAsync(cancel)).Select(t => new TargetOutput(t.Id, t.Name, t.Kind, t.Region))]);

    private static async Task<Results<Created<TargetOutput>, ValidationProblem>> AddTarget(TargetInput input, AdminService admin,
        HttpContext context, CancellationToken cancel)
    {
        try
        {
            var target = await admin.AddTargetAsync(input.Name ?? "", input.Kind ?? "", input.Region, context.User.Identity?.Name ?? "", cancel);
            return TypedResults.Created($"/api/targets/{target.Id}", new TargetOutput(target.Id, target.Name, target.Kind, target.Region));
        }
        catch (InvalidInputException e)
        {
            return TypedResults.ValidationProblem(new Dictionary<string, string[]> { ["name"] = [e.Text.In(context)] });
        }
    }
}
