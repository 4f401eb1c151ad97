using System.Security.Claims;
using Kaoping.Campaigns;
using Kaoping.Web.Services;
using Kaoping.Text;
using Kaoping.Web.Services.Accounts;
using Kaoping.Web.Services.Spreadsheets;
using Microsoft.AspNetCore.Http.HttpResults;

namespace Kaoping.Web.Api;

/// <summary>A new user: <c>role</c>, or <c>roles</c> for the office administrator who is also the system administrator.</summary>
public sealed record UserInput(string UserName, string? DisplayName, string Password, Role? Role, IReadOnlyList<Role>? Roles, int? TargetId,
    string? Email = null);

/// <summary><c>email</c> left out (or null) keeps the address; an empty one removes it.</summary>
public sealed record UserChange(string? DisplayName, IReadOnlyList<Role> Roles, int? TargetId, string? Email = null);

public sealed record PasswordReset(string? Password);

public sealed record PasswordResetOutput(string TemporaryPassword);

public sealed record UserOutput(string Id, string UserName, string DisplayName, Role? Role, IReadOnlyList<Role> Roles, string? Target, int? TargetId,
    bool Disabled, bool MustChangePassword, string? Email, bool EmailOptOut);

/// <summary>Users: the system administrator's (系统管理员) only. Every change with the sign-in cookie needs the antiforgery token.</summary>
public static class UsersApi
{
    public static IEndpointRouteBuilder MapUsersApi(this IEndpointRouteBuilder routes)
    {
        var users = routes.MapGroup("/api/users").WithTags("Users").RequireAuthorization(Auth.ApiPolicy).RequireAuthorization(Auth.SystemAdminPolicy);
        users.MapGet("/", List);
        users.MapPost("/", Add).RequireAntiforgeryForCookies();
        users.MapPut("/{id}", Change).RequireAntiforgeryForCookies()
            .WithSummary("{\"displayName\",\"roles\",\"targetId\",\"email\"} (email left out: kept; empty: removed); nobody changes their own roles.");
        users.MapPost("/{id}/disable", Disable).RequireAntiforgeryForCookies()
            .WithSummary("The user can no longer sign in; their tokens and cookies are refused (on this server at once, on others within 30 s).");
        users.MapGet("/template.xlsx", () => TypedResults.File(UserWorkbook.Write([]), AdminApi.Xlsx, "用户模板.xlsx"))
            .WithSummary("The empty Excel template: 用户名, 姓名, 角色 (as the pages name them), 所属单位 (a reporter's target), 电子邮箱.");
        users.MapGet("/export.xlsx", async (AdminService admin, CancellationToken cancel) =>
            TypedResults.File(UserWorkbook.Write(await admin.UsersAsync(cancel)), AdminApi.Xlsx, "用户.xlsx"))
            .WithSummary("Every account in the template's layout; never a password.");
        users.MapPost("/import", Import).RequireAntiforgeryForCookies()
            .WithSummary("Import the filled template (multipart \"file\", ≤ 1 MB, ≤ 500 rows): creates the new accounts, each with an initial password "
                + "answered once and to be changed at the first sign-in; an existing user name equal to its row is passed over, one that differs → 400; "
                + "all rows or none → {\"created\":[{\"userName\",\"initialPassword\"}],\"unchanged\"}; audited.");
        users.MapPost("/{id}/enable", Enable).RequireAntiforgeryForCookies();
        users.MapPost("/{id}/password-reset", Reset).RequireAntiforgeryForCookies()
            .WithSummary("Sets {\"password\"} or a random temporary password (returned); it must be changed at the next sign-in; every session ends.");
        return routes;
    }

    private static async Task<Ok<IReadOnlyList<UserOutput>>> List(AdminService admin, CancellationToken cancel) =>
        TypedResults.Ok<IReadOnlyList<UserOutput>>([.. (await admin.UsersAsync(cancel)).Select(Output)]);

    private static async Task<Results<Created<UserOutput>, ValidationProblem, ProblemHttpResult, NotFound>> Add(UserInput input, UserAccounts accounts,
        AdminService admin, HttpContext context)
    {
        var roles = input.Roles is { Count: > 0 } many ? many : input.Role is { } one ? [one] : [];
        return await Run(context, async () =>
        {
            var user = await accounts.CreateAsync(new NewUser(input.UserName ?? "", input.DisplayName ?? "", input.Password ?? "", roles, input.TargetId,
                input.Email),
                actorId: Actor(context));
            var row = (await admin.UsersAsync()).Single(u => u.Id == user.Id);
            return TypedResults.Created($"/api/users/{user.Id}", Output(row));
        });
    }

    private static Task<Results<NoContent, ValidationProblem, ProblemHttpResult, NotFound>> Change(string id, UserChange input, UserAccounts accounts,
        HttpContext context) =>
        Run(context, async () =>
        {
            await accounts.UpdateAsync(Actor(context), id, input.DisplayName ?? "", input.Roles ?? [], input.TargetId, input.Email);
            return TypedResults.NoContent();
        });

    private static Task<Results<NoContent, ValidationProblem, ProblemHttpResult, NotFound>> Disable(string id, UserAccounts accounts, HttpContext context) =>
        Run(context, async () =>
        {
            await accounts.DisableAsync(Actor(context), id);
            return TypedResults.NoContent();
        });

    private static Task<Results<NoContent, ValidationProblem, ProblemHttpResult, NotFound>> Enable(string id, UserAccounts accounts, HttpContext context) =>
        Run(context, async () =>
        {
            await accounts.EnableAsync(Actor(context), id);
            return TypedResults.NoContent();
        });

    private static Task<Results<Ok<PasswordResetOutput>, ValidationProblem, ProblemHttpResult, NotFound>> Reset(string id, PasswordReset? input,
        UserAccounts accounts, HttpContext context) =>
        Run(context, async () => TypedResults.Ok(new PasswordResetOutput(await accounts.ResetPasswordAsync(Actor(context), id, input?.Password))));

    private static async Task<Results<Ok<UserImportAnswer>, ValidationProblem>> Import(IFormFile? file, UserImport import, HttpContext context,
        CancellationToken cancel)
    {
        if (file is null || file.Length == 0)
            return AdminApi.NoFile(context);
        try
        {
            await using var stream = file.OpenReadStream();
            return TypedResults.Ok(await import.ImportAsync(stream, file.FileName, Actor(context), cancel));
        }
        catch (InvalidInputException e)
        {
            return TypedResults.ValidationProblem(new Dictionary<string, string[]> { ["file"] = [e.Text.In(context)] });
        }
    }

    private static string Actor(HttpContext context) => context.User.FindFirstValue(ClaimTypes.NameIdentifier) ?? "";

    private static UserOutput Output(UserRow u) =>
        new(u.Id, u.UserName, u.DisplayName, u.Role, u.Roles, u.Target, u.TargetId, u.Disabled, u.MustChangePassword, u.Email, u.EmailOptOut);

    /// <summary>The account's refusals as answers: 404 no such user, 403 with the message for one's own roles or account, 400 with the message.</summary>
    private static async Task<Results<T, ValidationProblem, ProblemHttpResult, NotFound>> Run<T>(HttpContext context, Func<Task<T>> change)
        where T : IResult
    {
        try
        {
            return await change();
        }
        catch (AccountRefusedException e)
        {
            return e.Refusal switch
            {
                AccountRefusal.NotFound => TypedResults.NotFound(),
                AccountRefusal.NotAllowed => TypedResults.Problem(e.Text.In(context), statusCode: StatusCodes.Status403Forbidden),
                AccountRefusal.Invalid => TypedResults.ValidationProblem(new Dictionary<string, string[]> { ["user"] = [e.Text.In(context)] }),
            };
        }
    }
}
