using System.Security.Claims;
using Kaoping.Web.Services.Accounts;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Identity;

namespace Kaoping.Web.Api;

public sealed record PasswordChange(string CurrentPassword, string NewPassword);

public sealed record MailOptOut(bool OptOut);

/// <summary>The signed-in user's own account: their password, and signing out of the API.</summary>
public static class AccountApi
{
    public static IEndpointRouteBuilder MapAccountApi(this IEndpointRouteBuilder routes)
    {
        var api = routes.MapGroup("/api").WithTags("Account").RequireAuthorization(Auth.SignedInPolicy);
        api.MapPost("/account/password", ChangePassword).RequireAntiforgeryForCookies()
            .WithSummary("Change one's own password {\"currentPassword\",\"newPassword\"}; every other session of the user ends, "
                + "and a bearer token must be fetched again.");
        api.MapGet("/account/mail", Mail).WithSummary("One's e-mail notifications: {\"email\",\"optOut\",\"serverConfigured\"}.");
        api.MapPut("/account/mail", SetMail).RequireAntiforgeryForCookies().WithSummary("{\"optOut\":true} stops e-mail notifications (204).");
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

    private static async Task<Results<Ok<Services.Mail.MailChoice>, NotFound>> Mail(Services.Mail.AccountMail mail, HttpContext context,
        CancellationToken cancel) =>
        context.User.FindFirstValue(ClaimTypes.NameIdentifier) is { } id && await mail.GetAsync(id, cancel) is { } choice
            ? TypedResults.Ok(choice)
            : TypedResults.NotFound();

    private static async Task<Results<NoContent, NotFound>> SetMail(MailOptOut input, Services.Mail.AccountMail mail, HttpContext context,
        CancellationToken cancel) =>
        context.User.FindFirstValue(ClaimTypes.NameIdentifier) is { } id && await mail.SetOptOutAsync(id, input.OptOut, cancel)
            ? TypedResults.NoContent()
            : TypedResults.NotFound();

    private static async Task<NoContent> Logout(SignInService signIn, HttpContext context)
    {
        await signIn.SignOutAsync(context.User);
        return TypedResults.NoContent();
    }
}
