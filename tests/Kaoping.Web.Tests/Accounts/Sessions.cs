using System.Net;
using System.Net.Http.Json;
using System.Text.RegularExpressions;
using Microsoft.AspNetCore.Mvc.Testing;

namespace Kaoping.Web.Tests.Accounts;

/// <summary>Signing in as a browser does (the cookie, kept by hand so a test can replay it) or as an API client (a token).</summary>
internal static partial class Sessions
{
    public const string StrongPassword = "Zhongyuan#2026";

    private static CancellationToken Cancel => TestContext.Current.CancellationToken;

    /// <summary>The sign-in page's form posted with its antiforgery token; the answer's sign-in cookie as a Cookie header value.</summary>
    public static async Task<string> CookieAsync(KaopingFactory factory, string userName, string password = KaopingFactory.Password)
    {
        await factory.ReadyAsync();
        var client = Bare(factory);
        var page = await client.GetAsync("/account/login", Cancel);
        var antiforgery = Cookies(page).Single(c => c.StartsWith(".AspNetCore.Antiforgery", StringComparison.Ordinal));
        var token = Token().Match(await page.Content.ReadAsStringAsync(Cancel)).Groups[1].Value;
        using var form = new HttpRequestMessage(HttpMethod.Post, "/account/login")
        {
            Content = new FormUrlEncodedContent(new Dictionary<string, string>
            {
                ["_handler"] = "login", ["__RequestVerificationToken"] = token, ["Input.UserName"] = userName, ["Input.Password"] = password,
            }),
        };
        form.Headers.Add("Cookie", antiforgery);
        var signedIn = await client.SendAsync(form, Cancel);
        Assert.Equal(HttpStatusCode.Redirect, signedIn.StatusCode);
        return Cookies(signedIn).Single(c => c.StartsWith(".AspNetCore.Identity.Application", StringComparison.Ordinal));
    }

    /// <summary>A client that sends exactly the cookie given, and keeps none.</summary>
    public static HttpClient WithCookie(KaopingFactory factory, string cookie)
    {
        var client = Bare(factory);
        client.DefaultRequestHeaders.Add("Cookie", cookie);
        return client;
    }

    public static HttpClient Bare(KaopingFactory factory) =>
        factory.CreateClient(new WebApplicationFactoryClientOptions { AllowAutoRedirect = false, HandleCookies = false });

    public static async Task<HttpResponseMessage> LoginAsync(KaopingFactory factory, string userName, string password, string? address = null)
    {
        await factory.ReadyAsync();
        var client = Bare(factory);
        if (address is not null)
            client.DefaultRequestHeaders.Add(TestAddresses.Header, address);
        return await client.PostAsJsonAsync("/api/auth/login", new { userName, password }, Cancel);
    }

    public static async Task<string> IdOfAsync(KaopingFactory factory, string userName) =>
        await factory.WithDbAsync(db => Task.FromResult(db.Users.Single(u => u.UserName == userName).Id));

    /// <summary>A call that needs a signed-in caller with no password change due, and changes nothing.</summary>
    public static Task<HttpResponseMessage> ProbeAsync(HttpClient client) => client.GetAsync("/api/campaigns", Cancel);

    private static IEnumerable<string> Cookies(HttpResponseMessage response) =>
        response.Headers.TryGetValues("Set-Cookie", out var values) ? values.Select(v => v.Split(';')[0]) : [];

    [GeneratedRegex("name=\"__RequestVerificationToken\" value=\"([^\"]+)\"")]
    private static partial Regex Token();
}
