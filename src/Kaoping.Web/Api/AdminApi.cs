using Kaoping.Text;
using Kaoping.Web.Services;
using Microsoft.AspNetCore.Http.HttpResults;

namespace Kaoping.Web.Api;

public sealed record TargetInput(string Name, string? Kind, string? Region = null);

public sealed record TargetOutput(int Id, string Name, string Kind, string? Region);

/// <summary>The office's targets (安委办; everyone signed in reads them). Users are <see cref="UsersApi"/>.</summary>
public static class AdminApi
{
    public static IEndpointRouteBuilder MapAdminApi(this IEndpointRouteBuilder routes)
    {
        var targets = routes.MapGroup("/api/targets").WithTags("Administration").RequireAuthorization(Auth.ApiPolicy);
        targets.MapGet("/", ListTargets);
        targets.MapPost("/", AddTarget).RequireAuthorization(Auth.AdminPolicy);
        return routes;
    }

    private static async Task<Ok<IReadOnlyList<TargetOutput>>> ListTargets(AdminService admin, CancellationToken cancel) =>
        TypedResults.Ok<IReadOnlyList<TargetOutput>>([.. (await admin.TargetsAsync(cancel)).Select(t => new TargetOutput(t.Id, t.Name, t.Kind, t.Region))]);

    private static async Task<Results<Created<TargetOutput>, ValidationProblem>> AddTarget(TargetInput input, AdminService admin,
        HttpContext context, CancellationToken cancel)
    {
        try
        {
            var target = await admin.AddTargetAsync(input.Name ?? "", input.Kind ?? "", input.Region, cancel);
            return TypedResults.Created($"/api/targets/{target.Id}", new TargetOutput(target.Id, target.Name, target.Kind, target.Region));
        }
        catch (InvalidInputException e)
        {
            return TypedResults.ValidationProblem(new Dictionary<string, string[]> { ["name"] = [e.Text.In(context)] });
        }
    }
}
