using Kaoping.Web.Components;
using Kaoping.Web.Services.Accounts;

namespace Kaoping.Web.Api;

/// <summary>Sign-out and the language switch of the pages.</summary>
public static class AccountEndpoints
{
    public static IEndpointRouteBuilder MapAccountEndpoints(this IEndpointRouteBuilder routes)
    {
        // The session ends everywhere its cookie is replayed, not only in this browser.
        routes.MapPost("/account/logout", async (SignInService signIn, HttpContext context) =>
        {
            await signIn.SignOutAsync(context.User);
            return TypedResults.LocalRedirect("/account/login");
        }).ExcludeFromDescription();
        routes.MapGet("/culture", (string? lang, string? returnUrl, HttpContext context) =>
        {
            context.Response.Cookies.Append(Ui.Cookie, lang == "en" ? "en" : "zh",
                new CookieOptions { MaxAge = TimeSpan.FromDays(365), IsEssential = true, SameSite = SameSiteMode.Lax });
            return TypedResults.LocalRedirect(returnUrl is { Length: > 0 } url && url.StartsWith('/')
                && !url.StartsWith("//", StringComparison.Ordinal) ? url : "/");
        }).ExcludeFromDescription();
        return routes;
    }
}
