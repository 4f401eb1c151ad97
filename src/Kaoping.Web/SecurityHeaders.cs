namespace Kaoping.Web;

/// <summary>
/// Headers every answer carries: no type sniffing, no address sent to other sites, framed only by Kaoping's own pages
/// (the sheet page previews PDF evidence in a frame), scripts only from Kaoping's own files — no inline script, so the
/// page has no import map (Kaoping imports no script modules). Styles may be inline: MudBlazor sets style attributes.
/// An answer that set its own Content-Security-Policy (evidence files) keeps it.
/// </summary>
public sealed class SecurityHeaders(RequestDelegate next)
{
    public const string Policy = "default-src 'self'; script-src 'self'; style-src 'self' 'unsafe-inline'; img-src 'self' data: blob:; "
        + "font-src 'self' data:; connect-src 'self'; frame-src 'self' blob:; object-src 'none'; base-uri 'self'; form-action 'self'; "
        + "frame-ancestors 'self'";

    public Task InvokeAsync(HttpContext context)
    {
        context.Response.OnStarting(() =>
        {
            var headers = context.Response.Headers;
            headers.XContentTypeOptions = "nosniff";
            headers["Referrer-Policy"] = "same-origin";
            headers.XFrameOptions = "SAMEORIGIN";
            if (string.IsNullOrEmpty(headers.ContentSecurityPolicy))
                headers.ContentSecurityPolicy = Policy;
            return Task.CompletedTask;
        });
        return next(context);
    }
}
