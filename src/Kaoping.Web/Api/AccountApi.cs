using System.Security.Claims;
using Kaoping.Web.Services.Accounts;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Identity;

namespace Kaoping.Web.Api;

public sealed record PasswordChange(string CurrentPassword, string NewPassword);

/// <summary>The signed-in user's own account: their password, and signing out of the API.</summary>
public static class AccountApi
{
    public static IEndpointRouteBuilder MapAccountApi(this IEndpointRouteBuilder routes)
    {
        var api = routes.MapGroup("/api").WithTags("Account").RequireAuthorization(Auth.SignedInPolicy);
        api.MapPost("/account/password", ChangePassword).RequireAntiforgeryForCookies()
            .WithSummary("Change one's own password {\"currentPassword\",\"newPassword\"}; every other session of the user ends, "
                + "and a bearer token must be fetched again.");
        api.MapPost("/auth/logout", Logout).RequireAntiforgeryForCookies()
            .WithSummary("End this session: its token (or cookie) is refused from now on, wherever it is replayed.");
        return routes;
    }

    private static async Task<Results<NoContent, ValidationProblem, NotFound>> ChangePassword(PasswordChange input, UserAccounts accounts,
        HttpContext context)
    {
        var userId = context.User.FindFirstValue(ClaimTypes.NameIdentifier);
        if (userId is null)
            return TypedResults.NotFound();
        try
        {
            await accounts.ChangeOwnPasswordAsync(userId, input.CurrentPassword ?? "", input.NewPassword ?? "");
            return TypedResults.NoContent();
        }
        catch (AccountRefusedException e) when (e.Refusal == AccountRefusal.Invalid)
        {
            return TypedResults.ValidationProblem(new Dictionary<string, string[]> { ["newPassword"] = [e.Text.In(context)] });
        }
    }

    private static async Task<NoContent> Logout(SignInService signIn, HttpContext context)
    {
        await signIn.SignOutAsync(context.User);
        return TypedResults.NoContent();
    }
}
