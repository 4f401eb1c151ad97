using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;

namespace Kaoping.Data;

public enum DatabaseProvider
{
    Sqlite,
    Postgres,
}

/// <summary>The one place that chooses the database provider and its migrations assembly.</summary>
public static class DatabaseSetup
{
    public const string SqliteMigrations = "Kaoping.Data.Sqlite";
    public const string PostgresMigrations = "Kaoping.Data.Postgres";

    /// <summary>Reads <c>Kaoping:Database:Provider</c> (Sqlite by default) and the connection string.</summary>
    public static (DatabaseProvider Provider, string ConnectionString) Resolve(IConfiguration configuration, string dataDirectory)
    {
        var providerName = configuration["Kaoping:Database:Provider"] ?? nameof(DatabaseProvider.Sqlite);
        if (!Enum.TryParse<DatabaseProvider>(providerName, ignoreCase: true, out var provider))
            throw new InvalidOperationException($"Kaoping:Database:Provider must be Sqlite or Postgres, not “{providerName}”.");
        var connectionString = configuration.GetConnectionString("Kaoping");
        if (provider == DatabaseProvider.Postgres && string.IsNullOrWhiteSpace(connectionString))
            throw new InvalidOperationException("Kaoping:Database:Provider is Postgres: set ConnectionStrings:Kaoping.");
        if (string.IsNullOrWhiteSpace(connectionString))
            connectionString = "Data Source=" + Path.Combine(dataDirectory, "kaoping.db");
        return (provider, connectionString);
    }

    public static DbContextOptionsBuilder UseKaopingDatabase(this DbContextOptionsBuilder options, DatabaseProvider provider, string connectionString) =>
        provider switch
        {
            DatabaseProvider.Sqlite => options.UseSqlite(connectionString, o => o.MigrationsAssembly(SqliteMigrations))
                .AddInterceptors(SqlitePragmas.Instance, SqliteWriteGate.Instance, PreparedQueries.Instance).KeepSqliteConnectionsOpen(),
            DatabaseProvider.Postgres => options.UseNpgsql(connectionString, o => o.MigrationsAssembly(PostgresMigrations)),
        };

#pragma warning disable EF1001 // see KeptOpenSqliteConnection
    private static DbContextOptionsBuilder KeepSqliteConnectionsOpen(this DbContextOptionsBuilder options) =>
        options.ReplaceService<Microsoft.EntityFrameworkCore.Sqlite.Storage.Internal.ISqliteRelationalConnection, KeptOpenSqliteConnection>();
#pragma warning restore EF1001

    /// <summary>A context outside dependency injection: for <c>kaoping migrate</c>, design-time tools and tests.</summary>
    public static KaopingDbContext CreateContext(DatabaseProvider provider, string connectionString)
    {
        var options = new DbContextOptionsBuilder<KaopingDbContext>();
        options.UseKaopingDatabase(provider, connectionString);
        return new KaopingDbContext(options.Options);
    }

    /// <summary>Pooled contexts: a request reuses a context instead of building one (Identity's model makes that costly).</summary>
    public static IServiceCollection AddKaopingDatabase(this IServiceCollection services, DatabaseProvider provider, string connectionString) =>
        services.AddDbContextPool<KaopingDbContext>(options => options.UseKaopingDatabase(provider, connectionString));
}
