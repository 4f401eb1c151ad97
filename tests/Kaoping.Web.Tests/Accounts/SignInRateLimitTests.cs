using System.Net;
using System.Net.Http.Json;
using Kaoping.Data;
using Kaoping.Data.Entities;

namespace Kaoping.Web.Tests.Accounts;

/// <summary>
/// Issue 13, item 3: sign-in attempts per client address through ASP.NET Core's rate limiting middleware (429 with
/// Retry-After and a bilingual problem), other addresses unaffected; forwarded addresses only from a known proxy.
/// </summary>
public class SignInRateLimitTests
{
    private const string Attacker = "203.0.113.9";
    private const string Office = "198.51.100.21";

    private static CancellationToken Cancel => TestContext.Current.CancellationToken;

    private static KaopingFactory Limited(int perMinute)
    {
        var factory = new KaopingFactory(DatabaseProvider.Sqlite);
        factory.Settings["Kaoping:Security:SignInsPerAddress"] = perMinute.ToString(System.Globalization.CultureInfo.InvariantCulture);
        return factory;
    }

    private static async Task<HttpResponseMessage> LoginAsync(KaopingFactory factory, string address, string? forwardedFor = null, string user = "leader")
    {
        await factory.ReadyAsync();
        var client = Sessions.Bare(factory);
        client.DefaultRequestHeaders.Add(TestAddresses.Header, address);
        if (forwardedFor is not null)
            client.DefaultRequestHeaders.Add("X-Forwarded-For", forwardedFor);
        return await client.PostAsJsonAsync("/api/auth/login", new { userName = user, password = KaopingFactory.Password }, Cancel);
    }

    [Fact]
    public async Task AttemptsBeyondTheLimitFromOneAddress_Are429WithRetryAfter_FromTheMiddleware_AndAnotherAddressIsNotAffected()
    {
        using var factory = Limited(3);
        for (var i = 0; i < 3; i++)
            Assert.Equal(HttpStatusCode.OK, (await LoginAsync(factory, Attacker)).StatusCode); // right passwords count as well

        var refused = await LoginAsync(factory, Attacker);
        var office = await LoginAsync(factory, Office);
        var form = Sessions.Bare(factory);
        form.DefaultRequestHeaders.Add(TestAddresses.Header, Attacker);
        var formPost = await form.PostAsync("/account/login", new FormUrlEncodedContent(new Dictionary<string, string>
        {
            ["_handler"] = "login", ["Input.UserName"] = "leader", ["Input.Password"] = KaopingFactory.Password,
        }), Cancel);

        Assert.Equal(HttpStatusCode.TooManyRequests, refused.StatusCode);
        Assert.True(refused.Headers.RetryAfter?.Delta is { } wait && wait > TimeSpan.Zero && wait <= TimeSpan.FromMinutes(1), refused.Headers.ToString());
        Assert.Equal("application/problem+json", refused.Content.Headers.ContentType?.MediaType);
        var problem = await refused.Content.ReadAsStringAsync(Cancel);
        Assert.Contains("本地址登录尝试过于频繁", problem);
        Assert.Contains("Too many sign-in attempts from this address", problem);
        Assert.Equal(HttpStatusCode.OK, office.StatusCode);
        Assert.Equal(HttpStatusCode.TooManyRequests, formPost.StatusCode);
        Assert.NotNull(formPost.Headers.RetryAfter);
        Assert.Contains("本地址登录尝试过于频繁", await formPost.Content.ReadAsStringAsync(Cancel));
        // Refused by the middleware: the service saw no fourth sign-in from that address.
        var signIns = await factory.WithDbAsync(db => Task.FromResult(db.SecurityLog.Count(e => e.Address == Attacker
            && e.Kind == SecurityEventKind.SignedIn)));
        Assert.Equal(3, signIns);
    }

    [Fact]
    public async Task WithoutAKnownProxy_XForwardedForIsIgnored_SoAClientCannotChooseItsAddress()
    {
        using var factory = Limited(2);

        var answers = new List<HttpStatusCode>();
        for (var i = 1; i <= 3; i++)
            answers.Add((await LoginAsync(factory, Attacker, forwardedFor: "192.0.2." + i)).StatusCode);

        Assert.Equal([HttpStatusCode.OK, HttpStatusCode.OK, HttpStatusCode.TooManyRequests], answers);
    }

    [Fact]
    public async Task BehindAKnownProxy_TheForwardedAddressIsTheOneCounted()
    {
        const string Proxy = "10.0.0.5";
        using var factory = Limited(2);
        factory.Settings["Kaoping:ForwardedHeaders:KnownProxies:0"] = Proxy;

        var answers = new List<HttpStatusCode>();
        for (var i = 0; i < 3; i++)
            answers.Add((await LoginAsync(factory, Proxy, forwardedFor: Attacker)).StatusCode);
        var office = await LoginAsync(factory, Proxy, forwardedFor: Office);
        var spoofed = await LoginAsync(factory, "10.0.0.6", forwardedFor: "192.0.2.77");

        Assert.Equal(HttpStatusCode.OK, office.StatusCode);
        Assert.Equal(HttpStatusCode.OK, spoofed.StatusCode);
        var addresses = await factory.WithDbAsync(db => Task.FromResult(db.SecurityLog.Where(e => e.Kind == SecurityEventKind.SignedIn)
            .Select(e => e.Address).ToList()));
        Assert.Equal(2, addresses.Count(a => a == Attacker));
        Assert.Contains(Office, addresses);
        Assert.Contains("10.0.0.6", addresses); // not a known proxy: its header was not believed
    }
}
