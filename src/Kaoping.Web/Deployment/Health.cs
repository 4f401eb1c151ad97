using Kaoping.Data;
using Kaoping.Web.Services;
using Microsoft.AspNetCore.Diagnostics.HealthChecks;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Diagnostics.HealthChecks;

namespace Kaoping.Web.Deployment;

/// <summary>
/// <c>/health/live</c> (the process answers) and <c>/health/ready</c> (the database is reachable and current, evidence
/// can be written): 200 or 503 with the bare status, nothing more, for load balancers and systemd watchers.
/// </summary>
public static class Health
{
    private const string Ready = "ready";

    public static IServiceCollection AddKaopingHealth(this IServiceCollection services)
    {
        services.AddHealthChecks()
            .AddCheck<DatabaseHealthCheck>("database", tags: [Ready])
            .AddCheck<EvidenceHealthCheck>("evidence", tags: [Ready]);
        return services;
    }

    public static IEndpointRouteBuilder MapKaopingHealth(this IEndpointRouteBuilder routes)
    {
        routes.MapHealthChecks("/health/live", new HealthCheckOptions { Predicate = _ => false }).AllowAnonymous();
        routes.MapHealthChecks("/health/ready", new HealthCheckOptions { Predicate = c => c.Tags.Contains(Ready) }).AllowAnonymous();
        return routes;
    }

    /// <summary>Health answers pass the first-run and database-readiness gates: they report on them instead.</summary>
    public static bool IsHealthPath(PathString path) => path.StartsWithSegments("/health");
}

/// <summary>Ready when the start-up preparation succeeded, the database answers and no migration is pending.</summary>
public sealed class DatabaseHealthCheck(IDbContextFactory<KaopingDbContext> contexts, DatabaseReadiness readiness) : IHealthCheck
{
    public async Task<HealthCheckResult> CheckHealthAsync(HealthCheckContext context, CancellationToken cancel = default)
    {
        if (!readiness.Ready.IsCompletedSuccessfully)
            return HealthCheckResult.Unhealthy("the database is not prepared");
        try
        {
            await using var db = await contexts.CreateDbContextAsync(cancel);
            if (!await db.Database.CanConnectAsync(cancel))
                return HealthCheckResult.Unhealthy("the database does not answer");
            return (await db.Database.GetPendingMigrationsAsync(cancel)).Any()
                ? HealthCheckResult.Unhealthy("the database is behind")
                : HealthCheckResult.Healthy();
        }
        catch (Exception e) when (e is System.Data.Common.DbException or InvalidOperationException or TimeoutException)
        {
            return HealthCheckResult.Unhealthy("the database failed", e);
        }
    }
}

/// <summary>Ready when a file can be written to and removed from the evidence directory.</summary>
public sealed class EvidenceHealthCheck(EvidenceStore store) : IHealthCheck
{
    public async Task<HealthCheckResult> CheckHealthAsync(HealthCheckContext context, CancellationToken cancel = default)
    {
        var probe = Path.Combine(store.Directory, ".health-" + Guid.NewGuid().ToString("N"));
        try
        {
            Directory.CreateDirectory(store.Directory);
            await File.WriteAllBytesAsync(probe, [1], cancel);
            File.Delete(probe);
            return HealthCheckResult.Healthy();
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            return HealthCheckResult.Unhealthy("evidence cannot be written", e);
        }
    }
}
