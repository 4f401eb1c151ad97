using Kaoping.Data.Entities;
using Kaoping.Web.Services;
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

    /// <summary>The bearer handler writes the token response itself when the sign-in succeeds.</summary>
    private static async Task<Results<EmptyHttpResult, ProblemHttpResult>> Login(LoginRequest request, SignInManager<KaopingUser> signIn,
        SecurityLog log, HttpContext context)
    {
        signIn.AuthenticationScheme = IdentityConstants.BearerScheme;
        var result = await signIn.PasswordSignInAsync(request.UserName ?? "", request.Password ?? "", isPersistent: false, lockoutOnFailure: true);
        await log.RecordAsync(SecurityLog.SignInKind(result), request.UserName, address: SecurityLog.AddressOf(context), detail: "API");
        if (result.Succeeded)
            return TypedResults.Empty;
        var en = ApiText.LanguageOf(context) == Text.Language.En;
        var detail = result.IsLockedOut
            ? en ? "Too many failed attempts; the account is locked for a few minutes." : "登录失败次数过多，账号已暂时锁定，请几分钟后再试。"
            : en ? "Wrong user name or password." : "用户名或密码不正确。";
        return TypedResults.Problem(detail, statusCode: StatusCodes.Status401Unauthorized, title: en ? "Sign-in failed" : "登录失败");
    }
}
