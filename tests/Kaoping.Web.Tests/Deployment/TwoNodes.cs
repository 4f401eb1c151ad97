using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text.Json;
using Npgsql;

namespace Kaoping.Web.Tests.Deployment;

/// <summary>
/// A deployment as docs/deployment.md describes it, on 127.0.0.1: a PostgreSQL database of its own migrated by
/// <c>kaoping migrate</c>, users made by <c>kaoping user add</c>, two nodes with the Production settings of
/// deploy/kaoping.env.example, and nginx in front of them with deploy/nginx/kaoping.conf. A campaign of a few sheets
/// in assessment, all the scorer's.
/// </summary>
internal sealed class TwoNodes : IAsyncDisposable
{
    public const string Password = "Strong#Pass2026";
    private const int Node1Port = 5110, Node2Port = 5111, HttpPort = 5112, HttpsPort = 5113;

    private readonly string _database = "kaoping_nodes_" + Guid.NewGuid().ToString("N")[..10];
    private readonly List<IDisposable> _running = [];

    public string Folder { get; } = Path.Combine(Path.GetTempPath(), "kaoping-nodes-" + Guid.NewGuid().ToString("N"));

    public string ConnectionString { get; private set; } = "";

    public NodeProcess Node1 { get; private set; } = default!;

    public NodeProcess Node2 { get; private set; } = default!;

    public NginxProcess Nginx { get; private set; } = default!;

    public IReadOnlyList<int> Sheets { get; private set; } = [];

    public static async Task<TwoNodes> StartAsync(CancellationToken cancel)
    {
        var nodes = new TwoNodes();
        try
        {
            await nodes.SetUpAsync(cancel);
            return nodes;
        }
        catch
        {
            await nodes.DisposeAsync();
            throw;
        }
    }

    private async Task SetUpAsync(CancellationToken cancel)
    {
        Directory.CreateDirectory(Folder);
        await using (var admin = new NpgsqlConnection(Databases.PostgresServer))
        {
            await admin.OpenAsync(cancel);
            await using var create = new NpgsqlCommand($"CREATE DATABASE {_database}", admin);
            await create.ExecuteNonQueryAsync(cancel);
        }
        ConnectionString = new NpgsqlConnectionStringBuilder(Databases.PostgresServer) { Database = _database }.ConnectionString;
        var settings = Settings();
        await CliAsync(settings, ["migrate"]);
        await CliAsync(settings, ["user", "add", "it-admin", "--role", "systemadmin"], Password);
        await CliAsync(settings, ["user", "add", "office", "--role", "admin"], Password);
        await CliAsync(settings, ["user", "add", "scorer", "--role", "assessor"], Password);
        var published = await PublishAsync(cancel);
        // One node first: it seeds the built-in rubric; then the second on the same database.
        Node1 = Run(NodeProcess.Start(Node1Port, NodeSettings(settings, 1), published, Folder));
        await Node1.WaitReadyAsync(TimeSpan.FromSeconds(120), cancel);
        Node2 = Run(NodeProcess.Start(Node2Port, NodeSettings(settings, 2), published, Folder));
        await Node2.WaitReadyAsync(TimeSpan.FromSeconds(120), cancel);
        Nginx = Run(await NginxProcess.StartAsync(Folder, HttpPort, HttpsPort, Node1Port, Node2Port, cancel));
        Sheets = await CampaignAsync(cancel);
    }

    /// <summary><c>dotnet publish</c> of the web app as built (its static files and those of its packages land in wwwroot).</summary>
    private async Task<string> PublishAsync(CancellationToken cancel)
    {
        var output = Path.Combine(Folder, "web");
        var configuration = AppContext.BaseDirectory.Contains("/debug", StringComparison.OrdinalIgnoreCase) ? "Debug" : "Release";
        var start = new System.Diagnostics.ProcessStartInfo("dotnet",
            ["publish", NginxProcess.RepositoryFile("src/Kaoping.Web/Kaoping.Web.csproj"), "-c", configuration, "--no-build", "-o", output])
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
        };
        using var publish = System.Diagnostics.Process.Start(start)!;
        var log = publish.StandardOutput.ReadToEndAsync(cancel);
        var errors = publish.StandardError.ReadToEndAsync(cancel);
        await publish.WaitForExitAsync(cancel).WaitAsync(TimeSpan.FromMinutes(4), cancel);
        if (publish.ExitCode != 0)
            throw new InvalidOperationException($"dotnet publish: {publish.ExitCode} {await log} {await errors}");
        return output;
    }

    private T Run<T>(T process) where T : IDisposable
    {
        _running.Add(process);
        return process;
    }

    /// <summary>deploy/kaoping.env.example with this deployment's values in place of its CHANGE-ME and paths.</summary>
    private Dictionary<string, string> Settings()
    {
        var settings = File.ReadAllLines(NginxProcess.RepositoryFile("deploy/kaoping.env.example"))
            .Where(l => l.Length > 0 && !l.StartsWith('#') && l.Contains('=', StringComparison.Ordinal))
            .Select(l => l.Split('=', 2))
            .ToDictionary(p => p[0], p => p[1]);
        settings["ConnectionStrings__Kaoping"] = ConnectionString;
        settings["Kaoping__DataProtection__Key"] = KaopingFactory.DataProtectionKey;
        settings["Kaoping__EvidenceDirectory"] = Path.Combine(Folder, "evidence"); // the directory every node mounts
        settings["Logging__LogLevel__Default"] = "Warning";
        settings["Logging__LogLevel__Microsoft.Hosting.Lifetime"] = "Information";
        // Structured logs, the option of deploy/kaoping.env.example.
        settings["Logging__Console__FormatterName"] = "json";
        settings["Logging__Console__FormatterOptions__IncludeScopes"] = "true";
        return settings;
    }

    private Dictionary<string, string> NodeSettings(Dictionary<string, string> settings, int node) =>
        new(settings) { ["Kaoping__DataDirectory"] = Path.Combine(Folder, "node" + node) };

    private async Task CliAsync(Dictionary<string, string> settings, string[] args, string? stdin = null)
    {
        var run = await AppProcess.RunAsync("kaoping.dll", settings, TimeSpan.FromSeconds(120), args, stdin);
        if (run.ExitCode != 0)
            throw new InvalidOperationException($"kaoping {string.Join(' ', args)}: {run.ExitCode} {run.Err}");
    }

    public async Task<HttpClient> SignedInAsync(Uri node, string userName, CancellationToken cancel)
    {
        var client = node.Scheme == "https" ? Nginx.Client() : new HttpClient { BaseAddress = node };
        using var response = await client.PostAsJsonAsync("/api/auth/login", new { userName, password = Password }, cancel);
        response.EnsureSuccessStatusCode();
        var token = (await response.Content.ReadFromJsonAsync<JsonElement>(cancel)).GetProperty("accessToken").GetString();
        client.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", token);
        return client;
    }

    private async Task<IReadOnlyList<int>> CampaignAsync(CancellationToken cancel)
    {
        using var office = await SignedInAsync(Node1.Address, "office", cancel);
        using var users = await SignedInAsync(Node1.Address, "it-admin", cancel);
        var targetIds = new List<int>();
        for (var i = 1; i <= 6; i++)
        {
            var target = await SendAsync(office, HttpMethod.Post, "/api/targets", new { name = $"节点单位{i}", kind = "县（市）" }, cancel);
            targetIds.Add(target.GetProperty("id").GetInt32());
        }
        var scorer = (await SendAsync(users, HttpMethod.Get, "/api/users", null, cancel)).EnumerateArray()
            .First(u => u.GetProperty("userName").GetString() == "scorer").GetProperty("id").GetString();
        var campaign = await SendAsync(office, HttpMethod.Post, "/api/campaigns", new
        {
            name = "两节点考评", year = 2018, rubricId = 1, targetIds,
            teams = new[] { new { name = "考评组", memberUserIds = new[] { scorer }, targetIds } },
            selfAssessment = false,
        }, cancel);
        using var assessor = await SignedInAsync(Node1.Address, "scorer", cancel);
        var sheets = (await SendAsync(assessor, HttpMethod.Get, $"/api/campaigns/{campaign.GetProperty("id").GetInt32()}/sheets", null, cancel))
            .EnumerateArray().Select(s => s.GetProperty("id").GetInt32()).ToList();
        foreach (var sheet in sheets)
            await SendAsync(assessor, HttpMethod.Post, $"/api/sheets/{sheet}/transitions", new { action = "startAssessment" }, cancel);
        return sheets;
    }

    public static async Task<JsonElement> SendAsync(HttpClient client, HttpMethod method, string path, object? body, CancellationToken cancel)
    {
        using var request = new HttpRequestMessage(method, path) { Content = body is null ? null : JsonContent.Create(body) };
        using var response = await client.SendAsync(request, cancel);
        var text = await response.Content.ReadAsStringAsync(cancel);
        if (!response.IsSuccessStatusCode)
            throw new InvalidOperationException($"{method} {path}: {(int)response.StatusCode} {text}");
        return JsonDocument.Parse(text).RootElement.Clone();
    }

    public string Logs() => $"node 1:\n{Node1?.Tail()}\nnode 2:\n{Node2?.Tail()}";

    public async ValueTask DisposeAsync()
    {
        foreach (var process in Enumerable.Reverse(_running))
            process.Dispose();
        NpgsqlConnection.ClearAllPools();
        await using (var admin = new NpgsqlConnection(Databases.PostgresServer))
        {
            await admin.OpenAsync();
            await using var drop = new NpgsqlCommand($"DROP DATABASE IF EXISTS {_database} WITH (FORCE)", admin);
            await drop.ExecuteNonQueryAsync();
        }
        try
        {
            Directory.Delete(Folder, recursive: true);
        }
        catch (IOException)
        {
        }
    }
}
