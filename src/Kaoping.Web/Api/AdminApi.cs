using Kaoping.Campaigns;
using Kaoping.Text;
using Kaoping.Web.Services;
using Microsoft.AspNetCore.Http.HttpResults;

namespace Kaoping.Web.Api;

public sealed record TargetInput(string Name, string? Kind);

public sealed record TargetOutput(int Id, string Name, string Kind);

public sealed record UserInput(string UserName, string? DisplayName, string Password, Role Role, int? TargetId);

public sealed record UserOutput(string Id, string UserName, string DisplayName, Role? Role, string? Target);

/// <summary>The office's administration: targets and users (管理员 only).</summary>
public static class AdminApi
{
    public static IEndpointRouteBuilder MapAdminApi(this IEndpointRouteBuilder routes)
    {
        var targets = routes.MapGroup("/api/targets").WithTags("Administration").RequireAuthorization(Auth.ApiPolicy);
        targets.MapGet("/", ListTargets);
        targets.MapPost("/", AddTarget).RequireAuthorization(Auth.AdminPolicy);
        var users = routes.MapGroup("/api/users").WithTags("Administration").RequireAuthorization(Auth.AdminPolicy);
        users.MapGet("/", ListUsers);
        users.MapPost("/", AddUser);
        return routes;
    }

    private static async Task<Ok<IReadOnlyList<TargetOutput>>> ListTargets(AdminService admin, CancellationToken cancel) =>
        TypedResults.Ok<IReadOnlyList<TargetOutput>>([.. (await admin.TargetsAsync(cancel)).Select(t => new TargetOutput(t.Id, t.Name, t.Kind))]);

    private static async Task<Results<Created<TargetOutput>, ValidationProblem>> AddTarget(TargetInput input, AdminService admin,
        HttpContext context, CancellationToken cancel)
    {
        try
        {
            var target = await admin.AddTargetAsync(input.Name ?? "", input.Kind ?? "", cancel);
            return TypedResults.Created($"/api/targets/{target.Id}", new TargetOutput(target.Id, target.Name, target.Kind));
        }
        catch (InvalidInputException e)
        {
            return TypedResults.ValidationProblem(new Dictionary<string, string[]> { ["name"] = [e.Text.In(context)] });
        }
    }

    private static async Task<Ok<IReadOnlyList<UserOutput>>> ListUsers(AdminService admin, CancellationToken cancel) =>
        TypedResults.Ok<IReadOnlyList<UserOutput>>([.. (await admin.UsersAsync(cancel)).Select(u => new UserOutput(u.Id, u.UserName,
            u.DisplayName, u.Role, u.Target))]);

    private static async Task<Results<Created<UserOutput>, ValidationProblem>> AddUser(UserInput input, AdminService admin, HttpContext context)
    {
        try
        {
            var user = await admin.CreateUserAsync(input.UserName ?? "", input.DisplayName ?? "", input.Password ?? "", input.Role, input.TargetId,
                context.User.Identity?.Name);
            return TypedResults.Created($"/api/users/{user.Id}", new UserOutput(user.Id, user.UserName ?? "", user.DisplayName, input.Role, null));
        }
        catch (InvalidInputException e)
        {
            return TypedResults.ValidationProblem(new Dictionary<string, string[]> { ["user"] = [e.Text.In(context)] });
        }
    }
}
