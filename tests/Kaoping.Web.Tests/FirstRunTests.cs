using System.Net;
using Kaoping.Data;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace Kaoping.Web.Tests;

/// <summary>Demo mode and the first run (issue 13, item 6): no demo data or passwords unless asked for, and a setup code.</summary>
public class FirstRunTests
{
    private static CancellationToken Cancel => TestContext.Current.CancellationToken;

    [Fact]
    public async Task InProduction_TheEmbeddedDatabase_HasNoDemoDataUnlessAskedFor()
    {
        using var factory = new KaopingFactory(DatabaseProvider.Sqlite, demo: null, environment: "Production");
        await factory.ReadyAsync();

        Assert.False(await factory.WithDbAsync(db => db.Users.AnyAsync(u => u.UserName == "admin", Cancel)));
        var login = await PageAsync(factory, "/account/login");
        Assert.DoesNotContain("演示账号", login);
    }

    [Fact]
    public async Task InProduction_TheSignInPage_NeverShowsThePassword_EvenInDemoMode()
    {
        using var factory = new KaopingFactory(DatabaseProvider.Sqlite, demo: true, environment: "Production");
        await factory.ReadyAsync();

        var login = await PageAsync(factory, "/account/login");
        Assert.Contains("演示账号", login);
        Assert.Contains("assessor1", login);
        Assert.DoesNotContain(KaopingFactory.Password, login);
    }

    [Fact]
    public async Task InDevelopment_TheSignInPage_ShowsTheDemoPassword()
    {
        using var factory = new KaopingFactory(DatabaseProvider.Sqlite);
        await factory.ReadyAsync();

        Assert.Contains(KaopingFactory.Password, await PageAsync(factory, "/account/login"));
    }

    [Theory]
    [InlineData("")]
    [InlineData("2222-3333-4444")]
    public async Task TheFirstAdministrator_WithoutTheSetupCode_IsNotCreated(string code)
    {
        using var factory = new KaopingFactory(DatabaseProvider.Sqlite, demo: false);
        await factory.ReadyAsync();
        Assume(code != factory.Services.GetRequiredService<SetupCode>().Value);

        var page = await SetupAsync(factory, code);

        Assert.Contains("设置码不对", page);
        Assert.False(await factory.WithDbAsync(db => db.Users.AnyAsync(Cancel)));
    }

    [Fact]
    public async Task TheFirstAdministrator_WithTheSetupCodeFromTheLog_IsCreated()
    {
        using var factory = new KaopingFactory(DatabaseProvider.Sqlite, demo: false);
        await factory.ReadyAsync();
        var code = factory.Services.GetRequiredService<SetupCode>().Value;

        await SetupAsync(factory, code.ToLowerInvariant().Replace("-", " ", StringComparison.Ordinal));

        Assert.True(await factory.WithDbAsync(db => db.Users.AnyAsync(u => u.UserName == "chief", Cancel)));
    }

    private static void Assume(bool condition) => Assert.SkipUnless(condition, "the random code happened to be the one tried");

    /// <summary>Posts the first-run form as a browser would: its antiforgery token and cookie from the page.</summary>
    private static async Task<string> SetupAsync(KaopingFactory factory, string code)
    {
        var client = factory.CreateClient(new Microsoft.AspNetCore.Mvc.Testing.WebApplicationFactoryClientOptions { AllowAutoRedirect = false });
        var response = await PageForms.PostAsync(client, "/setup", "setup", new()
        {
            ["Input.Code"] = code, ["Input.UserName"] = "chief", ["Input.DisplayName"] = "市安委办", ["Input.Password"] = "Anquan2018x",
        });
        Assert.True(response.StatusCode is HttpStatusCode.OK or HttpStatusCode.Redirect, response.StatusCode.ToString());
        return WebUtility.HtmlDecode(await response.Content.ReadAsStringAsync(Cancel));
    }

    // The pages write Chinese as character references: decoded, the text reads as a user sees it.
    private static async Task<string> PageAsync(KaopingFactory factory, string path) =>
        WebUtility.HtmlDecode(await factory.CreateClient().GetStringAsync(path, Cancel));
}
