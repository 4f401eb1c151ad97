using Kaoping.Web.Services.Accounts;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Identity;

namespace Kaoping.Web.Api;

public sealed record LoginRequest(string UserName, string Password);

public static class AuthApi
{
    public static IEndpointRouteBuilder MapAuthApi(this IEndpointRouteBuilder routes)
    {
        routes.MapPost("/api/auth/login", Login).AllowAnonymous().WithTags("Auth")
            .WithSummary("Sign in; returns {\"tokenType\",\"accessToken\",\"expiresIn\",\"refreshToken\"}. Send the token as Authorization: Bearer …");
        return routes;
    }

    /// <summary>
    /// The bearer handler writes the token response itself when the sign-in succeeds. A user who must change their
    /// password gets a token that serves only <c>POST /api/account/password</c> and <c>POST /api/auth/logout</c>.
    /// </summary>
    private static async Task<Results<EmptyHttpResult, ProblemHttpResult>> Login(LoginRequest request, SignInService signIn, HttpContext context)
    {
        var outcome = await signIn.SignInAsync(request.UserName ?? "", request.Password ?? "", Address(context), IdentityConstants.BearerScheme);
        var en = ApiText.LanguageOf(context) == Text.Language.En;
        var title = en ? "Sign-in failed" : "登录失败";
        switch (outcome)
        {
            case SignInOutcome.Succeeded:
                return TypedResults.Empty;
            case SignInOutcome.Limited limited:
                var seconds = (int)Math.Ceiling(limited.RetryAfter.TotalSeconds);
                context.Response.Headers.RetryAfter = seconds.ToString(System.Globalization.CultureInfo.InvariantCulture);
                return TypedResults.Problem(en ? $"Too many failed sign-ins; try again in {seconds} s." : $"登录失败次数过多，请{seconds}秒后再试。",
                    statusCode: StatusCodes.Status429TooManyRequests, title: title);
            case SignInOutcome.Disabled:
                return TypedResults.Problem(en ? "This account is disabled; ask the system administrator." : "账号已停用，请联系系统管理员。",
                    statusCode: StatusCodes.Status403Forbidden, title: title);
            default:
                return TypedResults.Problem(en ? "Wrong user name or password." : "用户名或密码不正确。", statusCode: StatusCodes.Status401Unauthorized, title: title);
        }
    }

    /// <summary>The client's address: the connection's, or forwarded by a proxy configured as known (<see cref="Deployment.KnownProxies"/>).</summary>
    public static string Address(HttpContext context) => context.Connection.RemoteIpAddress?.ToString() ?? "local";
}
