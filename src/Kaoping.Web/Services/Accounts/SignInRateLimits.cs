using System.Globalization;
using System.Threading.RateLimiting;
using Microsoft.AspNetCore.RateLimiting;

namespace Kaoping.Web.Services.Accounts;

/// <summary>
/// Sign-in attempts per client address, right or wrong, through ASP.NET Core's rate limiting middleware: the API's
/// <c>POST /api/auth/login</c> and the login form's post share one fixed window per address
/// (<c>Kaoping:Security:SignInsPerAddress</c> a minute). Beyond it the middleware answers 429 with Retry-After before
/// a password is hashed. Other addresses are not affected; the failures per account and the lockout per account and
/// address stay in <see cref="SignInLimits"/>. The address is the connection's, or the proxy's forwarded one only when
/// the proxy is configured as known (<see cref="Deployment.KnownProxies"/>).
/// </summary>
public static class SignInRateLimits
{
    public static IServiceCollection AddSignInRateLimits(this IServiceCollection services, SecurityOptions security) =>
        services.AddRateLimiter(o =>
        {
            o.GlobalLimiter = PartitionedRateLimiter.Create<HttpContext, string>(context => IsSignIn(context.Request)
                ? RateLimitPartition.GetFixedWindowLimiter(AddressOf(context), _ => new FixedWindowRateLimiterOptions
                {
                    PermitLimit = Math.Max(1, security.SignInsPerAddress), Window = TimeSpan.FromMinutes(1), QueueLimit = 0, AutoReplenishment = true,
                })
                : RateLimitPartition.GetNoLimiter(""));
            o.OnRejected = RejectedAsync;
        });

    public static bool IsSignIn(HttpRequest request) => HttpMethods.IsPost(request.Method)
        && (request.Path.Equals("/api/auth/login", StringComparison.OrdinalIgnoreCase)
            || request.Path.Equals("/account/login", StringComparison.OrdinalIgnoreCase));

    private static string AddressOf(HttpContext context) => context.Connection.RemoteIpAddress?.ToString() ?? "local";

    private static async ValueTask RejectedAsync(OnRejectedContext rejected, CancellationToken cancel)
    {
        var context = rejected.HttpContext;
        var seconds = rejected.Lease.TryGetMetadata(MetadataName.RetryAfter, out var retry) ? Math.Max(1, (int)Math.Ceiling(retry.TotalSeconds)) : 60;
        context.Response.StatusCode = StatusCodes.Status429TooManyRequests;
        context.Response.Headers.RetryAfter = seconds.ToString(CultureInfo.InvariantCulture);
        var zh = $"本地址登录尝试过于频繁，请{seconds}秒后再试。";
        var en = $"Too many sign-in attempts from this address; try again in {seconds} s.";
        await context.RequestServices.GetRequiredService<SecurityLog>().RecordAsync(Data.Entities.SecurityEventKind.SignInFailed, null,
            address: AddressOf(context), detail: "本地址登录尝试过于频繁，已限流（429）", cancel: cancel);
        if (context.Request.Path.StartsWithSegments("/api"))
        {
            await TypedResults.Problem(zh + " / " + en, statusCode: StatusCodes.Status429TooManyRequests, title: "登录过于频繁 / Too many sign-ins")
                .ExecuteAsync(context);
            return;
        }
        // The login form's post: a page a person reads, not JSON.
        context.Response.ContentType = "text/plain; charset=utf-8";
        await context.Response.WriteAsync(zh + "\n" + en + "\n", cancel);
    }
}
