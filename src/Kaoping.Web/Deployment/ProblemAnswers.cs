using System.Diagnostics;

namespace Kaoping.Web.Deployment;

/// <summary>Problem details as every client sees them: a request id to quote, never an exception's details.</summary>
public static class ProblemAnswers
{
    public static bool IsApi(PathString path) => path.StartsWithSegments("/api") || path.StartsWithSegments("/openapi");

    public static void AddRequestId(ProblemDetailsContext context)
    {
        context.ProblemDetails.Extensions.Remove("exception");
        context.ProblemDetails.Extensions.TryAdd("traceId", Activity.Current?.Id ?? context.HttpContext.TraceIdentifier);
    }
}
