using System.Net;
using Kaoping.Data;
using Microsoft.EntityFrameworkCore;

namespace Kaoping.Web.Tests.Deployment;

/// <summary><c>/health/live</c> and <c>/health/ready</c> (issue 17): anonymous, the bare status, 503 when not ready.</summary>
public class HealthTests
{
    private static CancellationToken Cancel => TestContext.Current.CancellationToken;

    private static async Task<(HttpStatusCode Status, string Body)> GetAsync(KaopingFactory factory, string path)
    {
        var response = await factory.CreateClient(new() { AllowAutoRedirect = false }).GetAsync(path, Cancel);
        return (response.StatusCode, await response.Content.ReadAsStringAsync(Cancel));
    }

    [Theory]
    [MemberData(nameof(Databases.All), MemberType = typeof(Databases))]
    public async Task OnAReadyInstance_BothAnswer200_WithoutSigningIn_EvenBeforeTheFirstAdministrator(DatabaseProvider provider)
    {
        using var factory = new KaopingFactory(provider, demo: false, environment: "Production");
        await factory.ReadyAsync();

        Assert.Equal((HttpStatusCode.OK, "Healthy"), await GetAsync(factory, "/health/live"));
        Assert.Equal((HttpStatusCode.OK, "Healthy"), await GetAsync(factory, "/health/ready"));
    }

    [Theory]
    [MemberData(nameof(Databases.All), MemberType = typeof(Databases))]
    public async Task ADatabaseBehindItsMigrations_IsNotReady_ButLive(DatabaseProvider provider)
    {
        using var factory = new KaopingFactory(provider);
        await factory.ReadyAsync();
        await factory.WithDbAsync(async db =>
        {
            var last = (await db.Database.GetAppliedMigrationsAsync(Cancel)).Last();
            return await db.Database.ExecuteSqlAsync($"DELETE FROM \"__EFMigrationsHistory\" WHERE \"MigrationId\" = {last}", Cancel);
        });

        Assert.Equal((HttpStatusCode.ServiceUnavailable, "Unhealthy"), await GetAsync(factory, "/health/ready"));
        Assert.Equal(HttpStatusCode.OK, (await GetAsync(factory, "/health/live")).Status);
    }

    [Fact]
    public async Task AnEvidenceDirectoryThatCannotBeWritten_IsNotReady_AndNoCauseIsShown()
    {
        using var factory = new KaopingFactory(DatabaseProvider.Sqlite);
        await factory.ReadyAsync();
        var evidence = Path.Combine(factory.DataDirectory, "evidence");
        if (Directory.Exists(evidence))
            Directory.Delete(evidence, recursive: true);
        await File.WriteAllTextAsync(evidence, "not a directory", Cancel);

        var (status, body) = await GetAsync(factory, "/health/ready");

        Assert.Equal(HttpStatusCode.ServiceUnavailable, status);
        Assert.Equal("Unhealthy", body);
    }
}
