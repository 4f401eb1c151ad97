using Microsoft.AspNetCore.Builder;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using Kaoping.Data;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Npgsql;

namespace Kaoping.Web.Tests;

/// <summary>
/// The web app on a database of its own: a new SQLite file, or a new PostgreSQL database migrated first as
/// <c>kaoping migrate</c> would. Demo mode seeds the demo campaign and users.
/// </summary>
public sealed class KaopingFactory : WebApplicationFactory<Program>
{
    public const string Password = "Kaoping@2018";

    /// <summary>The key that encrypts the stored Data Protection keys (Production refuses to start without one).</summary>
    public const string DataProtectionKey = "q83vEjRWeJq83vEjRWeJq83vEjRWeJq83vEjRWeJq80=";

    private readonly string _dataDirectory = Path.Combine(Path.GetTempPath(), "kaoping-test-" + Guid.NewGuid().ToString("N"));
    private readonly string? _postgresDatabase;
    private readonly string? _postgresConnection;

    /// <param name="demo">Demo mode on or off; null leaves it to the app's default for the environment.</param>
    public KaopingFactory(DatabaseProvider provider, bool? demo = true, string environment = "Development")
    {
        Provider = provider;
        Demo = demo;
        Environment = environment;
        Directory.CreateDirectory(_dataDirectory);
        if (provider == DatabaseProvider.Postgres)
        {
            var server = Databases.PostgresServer ?? throw new InvalidOperationException("KAOPING_TEST_POSTGRES is not set.");
            _postgresDatabase = "kaoping_test_" + Guid.NewGuid().ToString("N")[..12];
            using (var admin = new NpgsqlConnection(server))
            {
                admin.Open();
                using var create = new NpgsqlCommand($"CREATE DATABASE {_postgresDatabase}", admin);
                create.ExecuteNonQuery();
            }
            _postgresConnection = new NpgsqlConnectionStringBuilder(server) { Database = _postgresDatabase }.ConnectionString;
            using var db = DatabaseSetup.CreateContext(DatabaseProvider.Postgres, _postgresConnection);
            db.Database.Migrate();
        }
    }

    /// <summary>A second node on the PostgreSQL database of <paramref name="first"/> (which drops it when disposed).</summary>
    public KaopingFactory(KaopingFactory first)
    {
        Provider = first.Provider;
        Demo = first.Demo;
        Environment = first.Environment;
        Directory.CreateDirectory(_dataDirectory);
        _postgresConnection = first._postgresConnection ?? throw new InvalidOperationException("Several nodes need PostgreSQL.");
    }

    public DatabaseProvider Provider { get; }

    public bool? Demo { get; }

    public string Environment { get; }

    /// <summary>More configuration for one test, e.g. a smaller upload limit.</summary>
    public Dictionary<string, string> Settings { get; } = [];

    public string DataDirectory => _dataDirectory;

    /// <summary>The database's connection string, for the command line run against the same database.</summary>
    public string ConnectionString => _postgresConnection ?? "Data Source=" + Path.Combine(_dataDirectory, "kaoping.db");

    public int HashIterations { get; set; } = 1000;

    /// <summary>The app's clock, for tests that move time (reminders, mail retries); the system's when null.</summary>
    public TimeProvider? Clock { get; set; }

    /// <summary>Set when the app runs on Kestrel (browser tests): API clients then go to the real port.</summary>
    public Uri? ServerAddress { get; set; }

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        builder.UseEnvironment(Environment);
        builder.UseSetting("Kaoping:DataDirectory", _dataDirectory);
        builder.UseSetting("Kaoping:Database:Provider", Provider.ToString());
        if (Demo is { } demo)
            builder.UseSetting("Kaoping:Demo:Enabled", demo ? "true" : "false");
        builder.UseSetting("Kaoping:Demo:Password", Password);
        builder.UseSetting("Kaoping:DataProtection:Key", DataProtectionKey);
        if (_postgresConnection is not null)
            builder.UseSetting("ConnectionStrings:Kaoping", _postgresConnection);
        // Deadline reminders change what a user's bell counts; only their own tests turn them on.
        builder.UseSetting("Kaoping:Reminders:Enabled", "false");
        // Tests sign in many times from the test server's one address; the per-address middleware limit is tested on its own.
        builder.UseSetting("Kaoping:Security:SignInsPerAddress", "100000");
        foreach (var (key, value) in Settings)
            builder.UseSetting(key, value);
        // Fast password hashing: the tests sign in many times.
        builder.ConfigureServices(s =>
        {
            s.Configure<PasswordHasherOptions>(o => o.IterationCount = HashIterations);
            s.AddSingleton<Microsoft.AspNetCore.Hosting.IStartupFilter, TestAddresses>();
            if (Clock is { } clock)
                s.AddSingleton(clock);
        });
    }

    /// <summary>The embedded database is prepared while the server starts: tests begin once it is ready.</summary>
    public Task ReadyAsync() => Services.GetRequiredService<DatabaseReadiness>().Ready;

    public async Task<HttpClient> ClientAsAsync(string userName, string password = Password)
    {
        await ReadyAsync();
        var client = CreateClient(new WebApplicationFactoryClientOptions { AllowAutoRedirect = false,
            BaseAddress = ServerAddress ?? new Uri("http://localhost") });
        var response = await client.PostAsJsonAsync("/api/auth/login", new { userName, password });
        response.EnsureSuccessStatusCode();
        var token = await response.Content.ReadFromJsonAsync<TokenResponse>();
        client.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", token!.AccessToken);
        return client;
    }

    public async Task<T> WithDbAsync<T>(Func<KaopingDbContext, Task<T>> read)
    {
        await ReadyAsync();
        await using var scope = Services.CreateAsyncScope();
        return await read(scope.ServiceProvider.GetRequiredService<KaopingDbContext>());
    }

    protected override void Dispose(bool disposing)
    {
        base.Dispose(disposing);
        if (!disposing)
            return;
        NpgsqlConnection.ClearAllPools();
        if (_postgresDatabase is not null && Databases.PostgresServer is { } server)
        {
            using var admin = new NpgsqlConnection(server);
            admin.Open();
            using var drop = new NpgsqlCommand($"DROP DATABASE IF EXISTS {_postgresDatabase} WITH (FORCE)", admin);
            drop.ExecuteNonQuery();
        }
        Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
        try
        {
            Directory.Delete(_dataDirectory, recursive: true);
        }
        catch (IOException)
        {
            // a file still held open is cleaned with the temp folder
        }
    }

    internal sealed record TokenResponse(string AccessToken, int ExpiresIn);
}

/// <summary>A test names the client address of a request in <see cref="Header"/> (the test server has none).</summary>
internal sealed class TestAddresses : Microsoft.AspNetCore.Hosting.IStartupFilter
{
    public const string Header = "X-Test-Address";

    public Action<Microsoft.AspNetCore.Builder.IApplicationBuilder> Configure(Action<Microsoft.AspNetCore.Builder.IApplicationBuilder> next) => app =>
    {
        app.Use(async (Microsoft.AspNetCore.Http.HttpContext context, Func<Task> nextMiddleware) =>
        {
            if (context.Request.Headers[Header].ToString() is { Length: > 0 } address)
                context.Connection.RemoteIpAddress = System.Net.IPAddress.Parse(address);
            await nextMiddleware();
        });
        next(app);
    };
}

/// <summary>The databases the integration tests run on: SQLite always, PostgreSQL when KAOPING_TEST_POSTGRES names a server (CI does).</summary>
public static class Databases
{
    public static string? PostgresServer => Environment.GetEnvironmentVariable("KAOPING_TEST_POSTGRES") is { Length: > 0 } s ? s : null;

    public static TheoryData<DatabaseProvider> All
    {
        get
        {
            var data = new TheoryData<DatabaseProvider> { DatabaseProvider.Sqlite };
            if (PostgresServer is not null)
                data.Add(DatabaseProvider.Postgres);
            return data;
        }
    }
}
