namespace Kaoping.Web;

/// <summary>
/// Headers every answer carries: no type sniffing, no address sent to other sites, framed only by Kaoping's own pages
/// (the sheet page previews PDF evidence in a frame). An answer that set its own Content-Security-Policy (evidence
/// files) keeps it.
/// </summary>
public sealed class SecurityHeaders(RequestDelegate next)
{
    public Task InvokeAsync(HttpContext context)
    {
        context.Response.OnStarting(() =>
        {
            var headers = context.Response.Headers;
            headers.XContentTypeOptions = "nosniff";
            headers["Referrer-Policy"] = "same-origin";
            headers.XFrameOptions = "SAMEORIGIN";
            if (string.IsNullOrEmpty(headers.ContentSecurityPolicy))
                headers.ContentSecurityPolicy = "frame-ancestors 'self'; base-uri 'self'; object-src 'none'";
            return Task.CompletedTask;
        });
        return next(context);
    }
}
