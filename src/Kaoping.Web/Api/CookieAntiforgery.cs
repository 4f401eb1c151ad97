using Microsoft.AspNetCore.Antiforgery;

namespace Kaoping.Web.Api;

/// <summary>
/// A change made with the sign-in cookie needs the antiforgery token: the browser sends the cookie with any page's
/// request, another page on the same host included (same-site CSRF). A bearer call carries no credential a browser adds
/// by itself and needs none. The token is taken from the <c>RequestVerificationToken</c> header only, so that an upload
/// without it is refused before its body is read.
/// </summary>
internal static class CookieAntiforgery
{
    public const string Header = "RequestVerificationToken";

    public static RouteHandlerBuilder RequireAntiforgeryForCookies(this RouteHandlerBuilder builder) =>
        builder.DisableAntiforgery().AddEndpointFilter(async (context, next) =>
        {
            var http = context.HttpContext;
            if (http.Request.Headers.Authorization.ToString().StartsWith("Bearer ", StringComparison.OrdinalIgnoreCase))
                return await next(context);
            var refused = TypedResults.Problem(ApiText.In(new("请求缺少有效的防伪令牌（以登录 Cookie 提交的修改须带 RequestVerificationToken 请求头）。",
                "The request lacks a valid antiforgery token: a change sent with the sign-in cookie needs the RequestVerificationToken header."), http),
                statusCode: StatusCodes.Status400BadRequest);
            if (!http.Request.Headers.ContainsKey(Header))
                return refused;
            try
            {
                await http.RequestServices.GetRequiredService<IAntiforgery>().ValidateRequestAsync(http);
            }
            catch (AntiforgeryValidationException)
            {
                return refused;
            }
            return await next(context);
        });
}
