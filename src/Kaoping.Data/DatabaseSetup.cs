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

    /// <summary>
    /// The provider, its migrations and the interceptors every context has: a sheet's version raised with its rows, and
    /// on SQLite its pragmas and the write gate of this database (<paramref name="gate"/>, shared by the application's contexts).
    /// </summary>
    public static DbContextOptionsBuilder UseKaopingDatabase(this DbContextOptionsBuilder options, DatabaseProvider provider, string connectionString,
        SqliteWriteGate? gate = null) =>
        provider switch
        {
            DatabaseProvider.Sqlite => options.UseSqlite(connectionString, o => o.MigrationsAssembly(SqliteMigrations))
                .AddInterceptors(Sheets.SheetVersions.Instance, new SqlitePragmas(), gate ?? new SqliteWriteGate()),
            DatabaseProvider.Postgres => options.UseNpgsql(connectionString, o => o.MigrationsAssembly(PostgresMigrations))
                .AddInterceptors(Sheets.SheetVersions.Instance),
        };

    /// <summary>A context outside dependency injection: for <c>kaoping migrate</c>, design-time tools and tests.</summary>
    public static KaopingDbContext CreateContext(DatabaseProvider provider, string connectionString)
    {
        var options = new DbContextOptionsBuilder<KaopingDbContext>();
        options.UseKaopingDatabase(provider, connectionString);
        return new KaopingDbContext(options.Options);
    }

    /// <summary>
    /// Contexts from a pool (Identity's model makes building one costly): a factory for a context per operation, the
    /// request's own context for what takes it from the request (Identity), and the store of sheets.
    /// </summary>
    public static IServiceCollection AddKaopingDatabase(this IServiceCollection services, DatabaseProvider provider, string connectionString)
    {
        services.AddSingleton<SqliteWriteGate>();
        services.AddPooledDbContextFactory<KaopingDbContext>((sp, options) =>
            options.UseKaopingDatabase(provider, connectionString, sp.GetRequiredService<SqliteWriteGate>()));
        services.AddScoped(sp => sp.GetRequiredService<IDbContextFactory<KaopingDbContext>>().CreateDbContext());
        services.AddSingleton<Sheets.SheetStore>();
        services.AddSingleton<Audit.SecurityLogStore>();
        return services;
    }
}
