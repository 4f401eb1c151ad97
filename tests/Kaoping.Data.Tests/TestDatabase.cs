using Kaoping.Campaigns;
using Kaoping.Data.Entities;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Caching.Memory;
using Microsoft.Extensions.DependencyInjection;
using Npgsql;

namespace Kaoping.Data.Tests;

/// <summary>
/// A database of its own for one test — a new SQLite file, or a new PostgreSQL database on KAOPING_TEST_POSTGRES — with
/// the application's contexts (pooled, from the factory) and its sheet store, and one campaign of two sheets.
/// </summary>
public sealed class TestDatabase : IAsyncDisposable
{
    private readonly string _directory = Path.Combine(Path.GetTempPath(), "kaoping-data-" + Guid.NewGuid().ToString("N"));
    private readonly string? _postgresDatabase;
    private readonly ServiceProvider _services;

    private TestDatabase(DatabaseProvider provider, bool migrate)
    {
        Provider = provider;
        Directory.CreateDirectory(_directory);
        if (provider == DatabaseProvider.Postgres)
        {
            var server = Databases.PostgresServer ?? throw new InvalidOperationException("KAOPING_TEST_POSTGRES is not set.");
            _postgresDatabase = "kaoping_data_" + Guid.NewGuid().ToString("N")[..12];
            using (var admin = new NpgsqlConnection(server))
            {
                admin.Open();
                using var create = new NpgsqlCommand($"CREATE DATABASE {_postgresDatabase}", admin);
                create.ExecuteNonQuery();
            }
            ConnectionString = new NpgsqlConnectionStringBuilder(server) { Database = _postgresDatabase }.ConnectionString;
        }
        else
        {
            ConnectionString = "Data Source=" + Path.Combine(_directory, "kaoping.db");
        }
        var services = new ServiceCollection();
        services.AddMemoryCache();
        services.AddKaopingDatabase(provider, ConnectionString);
        _services = services.BuildServiceProvider();
        if (migrate)
        {
            using var db = Context();
            db.Database.Migrate();
        }
    }

    public DatabaseProvider Provider { get; }

    public string ConnectionString { get; }

    public Sheets.SheetStore Store => _services.GetRequiredService<Sheets.SheetStore>();

    public IMemoryCache Cache => _services.GetRequiredService<IMemoryCache>();

    public Audit.SecurityLogStore SecurityLog => _services.GetRequiredService<Audit.SecurityLogStore>();

    /// <summary>A context as the application makes them: from the pool, with every interceptor.</summary>
    public KaopingDbContext Context() => _services.GetRequiredService<IDbContextFactory<KaopingDbContext>>().CreateDbContext();

    /// <summary>A migrated database with a campaign of two sheets (<see cref="SheetIds"/>), both being assessed.</summary>
    public static async Task<TestDatabase> WithSheetsAsync(DatabaseProvider provider)
    {
        var database = new TestDatabase(provider, migrate: true);
        await using var db = database.Context();
        var rubric = new StoredRubric
        {
            Title = "测试细则", Points = 40, Version = 1, SourceName = "test.txt", SourceText = "", CreatedAt = DateTimeOffset.UnixEpoch, CreatedBy = "test",
        };
        var campaign = new Campaign { Name = "测试考评", Year = 2018, Rubric = rubric, CreatedAt = DateTimeOffset.UnixEpoch };
        foreach (var name in new[] { "禹州市", "长葛市" })
            campaign.Sheets.Add(new Sheet { Target = new Target { Name = name }, State = SheetState.Assessing });
        db.Campaigns.Add(campaign);
        await db.SaveChangesAsync();
        database.SheetIds = [.. campaign.Sheets.Select(s => s.Id)];
        return database;
    }

    /// <summary>An empty database, not migrated: for upgrade tests that migrate it step by step.</summary>
    public static TestDatabase Empty(DatabaseProvider provider) => new(provider, migrate: false);

    public IReadOnlyList<int> SheetIds { get; private set; } = [];

    public async ValueTask DisposeAsync()
    {
        await _services.DisposeAsync();
        if (_postgresDatabase is not null)
        {
            NpgsqlConnection.ClearAllPools();
            await using var admin = new NpgsqlConnection(Databases.PostgresServer);
            await admin.OpenAsync();
            await using var drop = new NpgsqlCommand($"DROP DATABASE IF EXISTS {_postgresDatabase} WITH (FORCE)", admin);
            await drop.ExecuteNonQueryAsync();
        }
        Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
        try
        {
            Directory.Delete(_directory, recursive: true);
        }
        catch (IOException)
        {
            // A file still open on a slow runner: the temporary directory is the system's to clean.
        }
    }
}

/// <summary>The databases the tests run on: SQLite always, PostgreSQL when KAOPING_TEST_POSTGRES names a server (CI does).</summary>
public static class Databases
{
    public static string? PostgresServer => Environment.GetEnvironmentVariable("KAOPING_TEST_POSTGRES") is { Length: > 0 } s ? s : null;

    public static IEnumerable<DatabaseProvider> Providers =>
        PostgresServer is null ? [DatabaseProvider.Sqlite] : [DatabaseProvider.Sqlite, DatabaseProvider.Postgres];

    public static TheoryData<DatabaseProvider> All => [.. Providers];
}
