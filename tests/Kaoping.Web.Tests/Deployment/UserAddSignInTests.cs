extern alias cli;

using System.Net;
using System.Net.Http.Json;
using cli::Kaoping.Cli;
using Kaoping.Data;

namespace Kaoping.Web.Tests.Deployment;

/// <summary>Issue 17's contract: <c>kaoping user add</c> makes a user who signs in to the web app on the same database.</summary>
public class UserAddSignInTests
{
    private static CancellationToken Cancel => TestContext.Current.CancellationToken;

    [Theory]
    [MemberData(nameof(Databases.All), MemberType = typeof(Databases))]
    public async Task AUserAddedOnTheCommandLine_SignsInToTheWebApp(DatabaseProvider provider)
    {
        using var factory = new KaopingFactory(provider, demo: false, environment: "Production");
        var args = new[] { "--provider", provider.ToString(), "--connection", factory.ConnectionString };
        Assert.Equal(0, KaopingCli.Run(["migrate", .. args], TextWriter.Null, TextWriter.Null));
        var stderr = new StringWriter();
        var added = KaopingCli.Run(["user", "add", "it-admin", "--role", "systemadmin", .. args], TextWriter.Null, stderr, () => "Strong#Pass2026");
        Assert.True(added == 0, stderr.ToString());
        await factory.ReadyAsync();
        var client = factory.CreateClient();

        var wrong = await client.PostAsJsonAsync("/api/auth/login", new { userName = "it-admin", password = "Strong#Pass2027" }, Cancel);
        var right = await client.PostAsJsonAsync("/api/auth/login", new { userName = "it-admin", password = "Strong#Pass2026" }, Cancel);

        Assert.Equal(HttpStatusCode.Unauthorized, wrong.StatusCode);
        Assert.Equal(HttpStatusCode.OK, right.StatusCode);
        var token = await right.Content.ReadFromJsonAsync<KaopingFactory.TokenResponse>(Cancel);
        client.DefaultRequestHeaders.Authorization = new("Bearer", token!.AccessToken);
        // The system administrator's operation: the role the command line gave is the one the app checks.
        Assert.Equal(HttpStatusCode.OK, (await client.GetAsync("/api/users", Cancel)).StatusCode);
    }
}
