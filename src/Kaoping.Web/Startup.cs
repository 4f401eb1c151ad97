using Kaoping.Data;
using Kaoping.Web.Services;
using Microsoft.EntityFrameworkCore;

namespace Kaoping.Web;

public static class Startup
{
    /// <summary>
    /// The embedded SQLite database is created and upgraded at start-up; PostgreSQL is migrated only by
    /// <c>kaoping migrate</c>, and the app refuses to start on a database that is behind. Either way, audit entries
    /// written before the audit chain existed are chained right after migrating (<see cref="Data.Audit.AuditUpgrade"/>).
    /// </summary>
    public static async Task PrepareDatabaseAsync(IServiceProvider services, DatabaseProvider provider, bool demo, string demoPassword)
    {
        await using var scope = services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<KaopingDbContext>();
        if (provider == DatabaseProvider.Sqlite)
        {
            await db.Database.MigrateAsync();
            await Data.Audit.AuditUpgrade.ChainExistingAsync(db);
        }
        else if ((await db.Database.GetPendingMigrationsAsync()).Any())
        {
            throw new Deployment.StartupFailure(new("PostgreSQL 数据库不是最新的：请先运行 kaoping migrate（见 README）。",
                "the PostgreSQL database is not up to date: run `kaoping migrate` first (see README)."));
        }
        var seed = scope.ServiceProvider.GetRequiredService<DemoData>();
        await seed.EnsureBaseAsync();
        if (demo)
            await seed.EnsureDemoAsync(demoPassword);
    }
}

/// <summary>
/// The embedded database is prepared (migrated, seeded) while the server already answers: static files and health
/// are served at once, and every other request waits here until the database is ready. The sign-in page waits too:
/// its antiforgery token needs the Data Protection keys, which are kept in the database.
/// </summary>
public sealed class DatabaseReadiness
{
    private readonly TaskCompletionSource _ready = new(TaskCreationOptions.RunContinuationsAsynchronously);

    public Task Ready => _ready.Task;

    public void Succeeded() => _ready.TrySetResult();

    public void Failed(Exception error) => _ready.TrySetException(error);
}

public sealed class WaitForDatabase(RequestDelegate next)
{
    public async Task InvokeAsync(HttpContext context, DatabaseReadiness readiness)
    {
        if (!readiness.Ready.IsCompletedSuccessfully && !NeedsNoDatabase(context.Request))
            await readiness.Ready;
        await next(context);
    }

    private static bool NeedsNoDatabase(HttpRequest request) =>
        request.Path.StartsWithSegments("/_framework") || request.Path.StartsWithSegments("/_content")
        || Deployment.Health.IsHealthPath(request.Path) || Path.HasExtension(request.Path.Value);
}

/// <summary>Outside demo mode, until the first administrator exists, every page leads to the setup page.</summary>
public sealed class FirstRunSetup(RequestDelegate next)
{
    private volatile bool _ready;

    public async Task InvokeAsync(HttpContext context, Instance instance)
    {
        if (!_ready && !instance.Demo && !Deployment.Health.IsHealthPath(context.Request.Path))
        {
            // Resolved only until there is an administrator: every request passes here.
            _ready = await context.RequestServices.GetRequiredService<AdminService>().AnyAdministratorAsync();
            var path = context.Request.Path;
            if (!_ready && !path.StartsWithSegments("/setup") && !path.StartsWithSegments("/_framework") && !path.StartsWithSegments("/_content")
                && !path.StartsWithSegments("/_blazor") && !Path.HasExtension(path.Value))
            {
                context.Response.Redirect("/setup");
                return;
            }
        }
        await next(context);
    }
}
