using Kaoping.Data.Entities;
using Kaoping.Web.Components;
using Kaoping.Web.Services;
using Microsoft.AspNetCore.Identity;

namespace Kaoping.Web.Api;

/// <summary>Sign-out and the language switch of the pages.</summary>
public static class AccountEndpoints
{
    public static IEndpointRouteBuilder MapAccountEndpoints(this IEndpointRouteBuilder routes)
    {
        routes.MapPost("/account/logout", async (SignInManager<KaopingUser> signIn, SecurityLog log, HttpContext context) =>
        {
            var name = context.User.Identity?.Name;
            await signIn.SignOutAsync();
            if (name is not null)
                await log.RecordAsync(Data.Entities.SecurityEventKind.SignedOut, name, address: SecurityLog.AddressOf(context));
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
