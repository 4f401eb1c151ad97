using System.Net;
using System.Net.Http.Json;
using Kaoping.Data;

namespace Kaoping.Web.Tests.Api;

public class AuthApiTests
{
    [Theory]
    [MemberData(nameof(Databases.All), MemberType = typeof(Databases))]
    public async Task Login_WithTheDemoPassword_GivesABearerToken(DatabaseProvider provider)
    {
        using var factory = new KaopingFactory(provider);
        var client = factory.CreateClient();

        var response = await client.PostAsJsonAsync("/api/auth/login", new { userName = "assessor1", password = KaopingFactory.Password },
            TestContext.Current.CancellationToken);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var json = await response.JsonAsync();
        Assert.False(string.IsNullOrEmpty(json.GetProperty("accessToken").GetString()));
        Assert.True(json.GetProperty("expiresIn").GetInt32() > 0);
    }

    [Fact]
    public async Task Login_WithAWrongPassword_Is401WithAChineseMessage()
    {
        using var factory = new KaopingFactory(DatabaseProvider.Sqlite);

        var response = await factory.CreateClient().PostAsJsonAsync("/api/auth/login", new { userName = "assessor1", password = "wrong-password" },
            TestContext.Current.CancellationToken);

        Assert.Equal(HttpStatusCode.Unauthorized, response.StatusCode);
        Assert.Contains("用户名或密码不正确", await response.Content.ReadAsStringAsync(TestContext.Current.CancellationToken));
    }

    [Theory]
    [InlineData("/api/rubrics")]
    [InlineData("/api/campaigns")]
    [InlineData("/api/sheets/1")]
    public async Task Api_WithoutAToken_Is401NotARedirect(string path)
    {
        using var factory = new KaopingFactory(DatabaseProvider.Sqlite);
        var client = factory.CreateClient(new Microsoft.AspNetCore.Mvc.Testing.WebApplicationFactoryClientOptions { AllowAutoRedirect = false });

        var response = await client.GetAsync(path, TestContext.Current.CancellationToken);

        Assert.Equal(HttpStatusCode.Unauthorized, response.StatusCode);
    }

    [Fact]
    public async Task OpenApi_DescribesTheEndpoints_ToSignedInUsers()
    {
        using var factory = new KaopingFactory(DatabaseProvider.Sqlite);

        var json = await (await factory.ClientAsAsync("yuzhou")).GetStringAsync("/openapi/v1.json", TestContext.Current.CancellationToken);

        Assert.Contains("/api/sheets/{id}/items/{key}/findings", json);
        Assert.Contains("/api/auth/login", json);
    }

    [Fact]
    public async Task TheApiDescription_AndReference_AreNotForAnonymousCallers()
    {
        using var factory = new KaopingFactory(DatabaseProvider.Sqlite);
        await factory.ReadyAsync();
        var anonymous = factory.CreateClient(new Microsoft.AspNetCore.Mvc.Testing.WebApplicationFactoryClientOptions { AllowAutoRedirect = false });

        var description = await anonymous.GetAsync("/openapi/v1.json", TestContext.Current.CancellationToken);
        var reference = await anonymous.GetAsync("/api/reference", TestContext.Current.CancellationToken);

        Assert.Equal(HttpStatusCode.Unauthorized, description.StatusCode);
        Assert.Equal(HttpStatusCode.Redirect, reference.StatusCode);
        Assert.StartsWith("/account/login", reference.Headers.Location!.PathAndQuery, StringComparison.Ordinal);
    }

    [Fact]
    public async Task EveryAnswer_CarriesTheSecurityHeaders()
    {
        using var factory = new KaopingFactory(DatabaseProvider.Sqlite);
        await factory.ReadyAsync();

        var page = await factory.CreateClient().GetAsync("/account/login", TestContext.Current.CancellationToken);

        Assert.Equal("nosniff", page.Headers.GetValues("X-Content-Type-Options").Single());
        Assert.Equal("same-origin", page.Headers.GetValues("Referrer-Policy").Single());
        var policy = page.Headers.GetValues("Content-Security-Policy").Single().Split(';').Select(d => d.Trim()).ToList();
        Assert.Contains("frame-ancestors 'self'", policy);
        Assert.Contains("script-src 'self'", policy);
    }
}
