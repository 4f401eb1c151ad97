using Kaoping.Web.Deployment;

namespace Kaoping.Web.Tests.Deployment;

/// <summary>
/// A Production start with a missing or contradictory setting exits non-zero with one message naming the setting or
/// path and the cause, and no stack trace (issue 17 item 5, issue 13 item 8). Each test starts the app as a process.
/// </summary>
public class StartupFailureTests
{
    private static string TempPath(string name) => Path.Combine(Path.GetTempPath(), "kaoping-start-" + Guid.NewGuid().ToString("N"), name);

    private static async Task<AppProcess> StartAsync(Dictionary<string, string> settings)
    {
        settings.TryAdd("ASPNETCORE_ENVIRONMENT", "Production");
        settings.TryAdd("Kaoping__DataDirectory", TempPath("data"));
        settings.TryAdd("Kaoping__DataProtection__Key", KaopingFactory.DataProtectionKey);
        return await AppProcess.RunAsync("Kaoping.Web.dll", settings, TimeSpan.FromSeconds(90));
    }

    private static void AssertOneMessage(AppProcess run, int exitCode, params string[] named)
    {
        Assert.True(run.ExitCode == exitCode, $"exit {run.ExitCode}: {run.Err}");
        foreach (var text in named)
            Assert.Contains(text, run.Err);
        Assert.Contains("启动失败", run.Err);
        Assert.DoesNotContain("   at ", run.Err);
        Assert.DoesNotContain("   at ", run.Out);
    }

    /// <summary>A path below a plain file: no directory can be made or written there, whoever runs the test (root included).</summary>
    private static string Unwritable()
    {
        var file = TempPath("a-file");
        Directory.CreateDirectory(Path.GetDirectoryName(file)!);
        File.WriteAllText(file, "not a directory");
        return Path.Combine(file, "data");
    }

    [Fact]
    public async Task PostgresWithoutAConnectionString_NamesTheSetting()
    {
        var run = await StartAsync(new() { ["Kaoping__Database__Provider"] = "Postgres" });

        AssertOneMessage(run, StartupFailure.Configuration, "ConnectionStrings:Kaoping");
    }

    [Fact]
    public async Task AMalformedEvidenceKey_NamesTheSetting()
    {
        var run = await StartAsync(new() { ["Kaoping__Evidence__EncryptionKey"] = "c2hvcnQ=" });

        AssertOneMessage(run, StartupFailure.Configuration, "Kaoping:Evidence:EncryptionKey", "16");
    }

    [Fact]
    public async Task TrustingForwardedHeadersFromAnyone_IsRefused_NamingTheKnownProxiesSetting()
    {
        var run = await StartAsync(new() { ["ASPNETCORE_FORWARDEDHEADERS_ENABLED"] = "true" });

        AssertOneMessage(run, StartupFailure.Configuration, "ASPNETCORE_FORWARDEDHEADERS_ENABLED", "Kaoping:ForwardedHeaders:KnownProxies");
    }

    [Fact]
    public async Task ADataDirectoryThatCannotBeWritten_NamesTheSettingAndThePath()
    {
        var path = Unwritable();

        var run = await StartAsync(new() { ["Kaoping__DataDirectory"] = path });

        AssertOneMessage(run, StartupFailure.Configuration, "Kaoping:DataDirectory", path, "不可写");
    }

    [Fact]
    public async Task AnEvidenceDirectoryThatCannotBeWritten_NamesTheSettingAndThePath()
    {
        var path = Unwritable();

        var run = await StartAsync(new() { ["Kaoping__EvidenceDirectory"] = path });

        AssertOneMessage(run, StartupFailure.Configuration, "Kaoping:EvidenceDirectory", path);
    }

    [Fact]
    public async Task ACertificateFileThatDoesNotExist_NamesTheSettingAndTheFile()
    {
        var run = await StartAsync(new() { ["Kestrel__Certificates__Default__Path"] = "/etc/kaoping/no-such.pfx" });

        AssertOneMessage(run, StartupFailure.Configuration, "Kestrel:Certificates:Default:Path", "/etc/kaoping/no-such.pfx", "不存在");
    }

    [Fact]
    public async Task AnUnreachableDatabase_NamesTheDatabaseAndTheCause()
    {
        var run = await StartAsync(new()
        {
            ["Kaoping__Database__Provider"] = "Postgres",
            ["ConnectionStrings__Kaoping"] = "Host=127.0.0.1;Port=1;Database=kaoping;Username=kaoping;Password=secret;Timeout=3",
        });

        Assert.NotEqual(0, run.ExitCode);
        AssertOneMessage(run, StartupFailure.Other, "127.0.0.1:1/kaoping", "ConnectionStrings:Kaoping");
        Assert.DoesNotContain("secret", run.Err);
    }

    [Fact]
    public async Task AnEmbeddedDatabaseFileThatCannotBeOpened_NamesTheFile()
    {
        var data = TempPath("data");
        Directory.CreateDirectory(Path.Combine(data, "kaoping.db"));

        var run = await StartAsync(new() { ["Kaoping__DataDirectory"] = data });

        AssertOneMessage(run, StartupFailure.Configuration, Path.Combine(data, "kaoping.db"));
    }

    [Fact]
    public async Task AnUnknownTimeZone_NamesTheSetting()
    {
        var run = await StartAsync(new() { ["Kaoping__TimeZone"] = "Mars/Olympus" });

        AssertOneMessage(run, StartupFailure.Configuration, "Kaoping:TimeZone", "Mars/Olympus");
    }

    [Theory]
    [InlineData(null, "Kaoping:DataProtection:Key")]
    [InlineData("c2hvcnQ=", "32 字节")]
    public async Task InProduction_TheStoredKeysMustBeEncrypted(string? key, string message)
    {
        var run = await StartAsync(new() { ["Kaoping__DataProtection__Key"] = key ?? "" });

        AssertOneMessage(run, StartupFailure.Configuration, message);
    }

    [Fact]
    public async Task ADataProtectionCertificateThatDoesNotExist_NamesTheSetting()
    {
        var run = await StartAsync(new() { ["Kaoping__DataProtection__CertificatePath"] = "/etc/kaoping/keys.pfx" });

        AssertOneMessage(run, StartupFailure.Configuration, "Kaoping:DataProtection:CertificatePath", "/etc/kaoping/keys.pfx");
    }
}
