using Kaoping.Data.Audit;
using Kaoping.Data.Entities;
using Kaoping.Web.Services;
using Microsoft.AspNetCore.Http.HttpResults;

namespace Kaoping.Web.Api;

public sealed record SecurityEventOutput(long Id, string Kind, string What, string? UserName, string? By, string? Address, string? Detail,
    DateTimeOffset At, string Hash)
{
    public static SecurityEventOutput Of(SecurityEvent e, ApiCaller caller) =>
        new(e.Id, Names.CamelCase(e.Kind.ToString()), caller.Text(SecurityEventText.Of(e.Kind)), e.UserName, e.By, e.Address, e.Detail, e.At, e.Hash);
}

public sealed record AuditVerificationOutput(bool Intact, int Sheets, long Entries, long Events, int Files, string? Problem, string? SecurityHead);

/// <summary>安全日志 and the audit chains' check, for the audit readers only (<see cref="AuditReaders"/>).</summary>
public static class SecurityLogApi
{
    public static IEndpointRouteBuilder MapSecurityLogApi(this IEndpointRouteBuilder routes)
    {
        var api = routes.MapGroup("/api/audit").WithTags("Audit").RequireAuthorization(Auth.ApiPolicy).RequireCaller();
        api.MapGet("/security-log", List)
            .WithSummary("Security events newest first: ?before={id} for older ones, ?take= (1–500, 100 by default). Audit readers only (403).");
        api.MapGet("/verify", Verify)
            .WithSummary("Checks every audit chain and evidence file, like `kaoping audit verify`: {intact, …, problem}. Audit readers only (403).");
        return routes;
    }

    private static async Task<Results<Ok<IReadOnlyList<SecurityEventOutput>>, ProblemHttpResult>> List(long? before, int? take, ApiCaller caller,
        SecurityLogStore log, CancellationToken cancel)
    {
        if (!AuditReaders.Allows(caller.Known))
            return NotAReader(caller);
        var events = await log.PageAsync(before, take ?? 100, cancel);
        return TypedResults.Ok<IReadOnlyList<SecurityEventOutput>>([.. events.Select(e => SecurityEventOutput.Of(e, caller))]);
    }

    private static async Task<Results<Ok<AuditVerificationOutput>, ProblemHttpResult>> Verify(ApiCaller caller, AuditCheck check, CancellationToken cancel)
    {
        if (!AuditReaders.Allows(caller.Known))
            return NotAReader(caller);
        var result = await check.VerifyAsync(cancel);
        return TypedResults.Ok(new AuditVerificationOutput(result.Intact, result.Sheets, result.Entries, result.Events, result.Files,
            result.Break is { } broken ? caller.Text(broken) : null, result.SecurityHead));
    }

    private static ProblemHttpResult NotAReader(ApiCaller caller) =>
        TypedResults.Problem(caller.Text(new("只有安全审计员可以查看安全日志、核对审计链。", "Only the security auditor may read the security log or verify the audit chains.")),
            statusCode: StatusCodes.Status403Forbidden);
}
