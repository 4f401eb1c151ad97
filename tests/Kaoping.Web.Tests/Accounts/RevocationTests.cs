using System.Net;
using System.Net.Http.Json;
using Kaoping.Data;
using Kaoping.Data.Entities;
using Kaoping.Web.Tests.Api;
using Microsoft.AspNetCore.Authentication.BearerToken;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;

namespace Kaoping.Web.Tests.Accounts;

/// <summary>
/// Issue 13, item 2: every request sees its user's current state. Each test reproduces a failure of 3d6b6bd, where a
/// token stayed good for 8 hours whatever happened to its user and a cookie outlived its logout.
/// </summary>
public class RevocationTests
{
    private static CancellationToken Cancel => TestContext.Current.CancellationToken;

    [Theory]
    [MemberData(nameof(Databases.All), MemberType = typeof(Databases))]
    public async Task ADeletedSystemAdministrator_sToken_CanNoLongerCreateAnAdministrator(DatabaseProvider provider)
    {
        using var factory = new KaopingFactory(provider);
        factory.Settings["Kaoping:Security:StateRefresh"] = "00:00:01";
        var sysadmin = await factory.ClientAsAsync("sysadmin");
        Assert.Equal(HttpStatusCode.Created, (await CreateAsync(sysadmin, "sys2", "systemAdmin")).StatusCode);
        var sys2 = await SignedInWithOwnPasswordAsync(factory, "sys2");
        Assert.Equal(HttpStatusCode.Created, (await CreateAsync(sys2, "made1", "admin")).StatusCode);

        // Deleted in the database (as by another server, or by hand): this server learns it within the refresh time.
        await factory.WithDbAsync(async db => await db.Users.Where(u => u.UserName == "sys2").ExecuteDeleteAsync(Cancel));
        await Task.Delay(TimeSpan.FromSeconds(1.2), Cancel);
        var refused = await CreateAsync(sys2, "made2", "admin");

        Assert.Equal(HttpStatusCode.Unauthorized, refused.StatusCode);
        Assert.False(await factory.WithDbAsync(db => db.Users.AnyAsync(u => u.UserName == "made2", Cancel)));
    }

    [Theory]
    [MemberData(nameof(Databases.All), MemberType = typeof(Databases))]
    public async Task ADisabledUser_sTokenAndCookie_AreRefusedAtOnce_AndTheyCannotSignIn(DatabaseProvider provider)
    {
        using var factory = new KaopingFactory(provider);
        var sysadmin = await factory.ClientAsAsync("sysadmin");
        var token = await factory.ClientAsAsync("assessor1");
        var cookie = Sessions.WithCookie(factory, await Sessions.CookieAsync(factory, "assessor1"));
        Assert.Equal(HttpStatusCode.OK, (await Sessions.ProbeAsync(token)).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await Sessions.ProbeAsync(cookie)).StatusCode);
        var id = await Sessions.IdOfAsync(factory, "assessor1");

        Assert.Equal(HttpStatusCode.NoContent, (await sysadmin.PostAsync($"/api/users/{id}/disable", null, Cancel)).StatusCode);

        Assert.Equal(HttpStatusCode.Unauthorized, (await Sessions.ProbeAsync(token)).StatusCode);
        Assert.Equal(HttpStatusCode.Unauthorized, (await Sessions.ProbeAsync(cookie)).StatusCode);
        var again = await Sessions.LoginAsync(factory, "assessor1", KaopingFactory.Password);
        Assert.Equal(HttpStatusCode.Forbidden, again.StatusCode);
        Assert.Contains("账号已停用", await again.Content.ReadAsStringAsync(Cancel));

        Assert.Equal(HttpStatusCode.NoContent, (await sysadmin.PostAsync($"/api/users/{id}/enable", null, Cancel)).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await Sessions.LoginAsync(factory, "assessor1", KaopingFactory.Password)).StatusCode);
        Assert.Equal(HttpStatusCode.Unauthorized, (await Sessions.ProbeAsync(token)).StatusCode);
    }

    [Theory]
    [MemberData(nameof(Databases.All), MemberType = typeof(Databases))]
    public async Task ADemotedOfficeAdministrator_sToken_LosesTheRoleAtOnce(DatabaseProvider provider)
    {
        using var factory = new KaopingFactory(provider);
        var sysadmin = await factory.ClientAsAsync("sysadmin");
        var admin = await factory.ClientAsAsync("admin");
        Assert.Equal(HttpStatusCode.Created, (await admin.PostAsJsonAsync("/api/targets", new { name = "甲单位" }, Cancel)).StatusCode);
        var id = await Sessions.IdOfAsync(factory, "admin");

        var demoted = await sysadmin.PutAsJsonAsync($"/api/users/{id}", new { displayName = "前管理员", roles = new[] { "leader" } }, Cancel);

        Assert.Equal(HttpStatusCode.NoContent, demoted.StatusCode);
        Assert.Equal(HttpStatusCode.Unauthorized, (await admin.PostAsJsonAsync("/api/targets", new { name = "乙单位" }, Cancel)).StatusCode);
        var leader = await factory.ClientAsAsync("admin");
        Assert.Equal(HttpStatusCode.Forbidden, (await leader.PostAsJsonAsync("/api/targets", new { name = "乙单位" }, Cancel)).StatusCode);
        Assert.False(await factory.WithDbAsync(db => db.Targets.AnyAsync(t => t.Name == "乙单位", Cancel)));
    }

    [Fact]
    public async Task ARoleClaimWrittenIntoAToken_IsNotTrusted_TheDatabaseDecides()
    {
        using var factory = new KaopingFactory(DatabaseProvider.Sqlite);
        var assessor = await factory.ClientAsAsync("assessor1");
        // Someone with the keys mints a token of a real session that says SystemAdmin.
        var protector = factory.Services.GetRequiredService<IOptionsMonitor<BearerTokenOptions>>().Get(IdentityConstants.BearerScheme).BearerTokenProtector;
        var ticket = protector.Unprotect(assessor.DefaultRequestHeaders.Authorization!.Parameter)!;
        ticket.Principal.Identities.First().AddClaim(new System.Security.Claims.Claim(System.Security.Claims.ClaimTypes.Role, "SystemAdmin"));
        var forged = Sessions.Bare(factory);
        forged.DefaultRequestHeaders.Authorization = new("Bearer", protector.Protect(ticket));

        var response = await forged.PostAsJsonAsync("/api/users", new { userName = "mole", password = Sessions.StrongPassword, role = "systemAdmin" }, Cancel);

        Assert.Equal(HttpStatusCode.Forbidden, response.StatusCode);
        Assert.False(await factory.WithDbAsync(db => db.Users.AnyAsync(u => u.UserName == "mole", Cancel)));
    }

    [Theory]
    [MemberData(nameof(Databases.All), MemberType = typeof(Databases))]
    public async Task AfterLogout_TheBearerToken_IsRefused(DatabaseProvider provider)
    {
        using var factory = new KaopingFactory(provider);
        var token = await factory.ClientAsAsync("leader");
        var other = await factory.ClientAsAsync("leader");

        Assert.Equal(HttpStatusCode.NoContent, (await token.PostAsync("/api/auth/logout", null, Cancel)).StatusCode);

        Assert.Equal(HttpStatusCode.Unauthorized, (await Sessions.ProbeAsync(token)).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await Sessions.ProbeAsync(other)).StatusCode);
        Assert.NotNull(await factory.WithDbAsync(db => db.UserSessions.Where(s => s.EndedAt != null).Select(s => s.Id).FirstOrDefaultAsync(Cancel)));
    }

    [Theory]
    [MemberData(nameof(Databases.All), MemberType = typeof(Databases))]
    public async Task ACookieReplayedAfterLogout_IsRefused(DatabaseProvider provider)
    {
        using var factory = new KaopingFactory(provider);
        var cookie = await Sessions.CookieAsync(factory, "yuzhou");
        var browser = Sessions.WithCookie(factory, cookie);
        Assert.Equal(HttpStatusCode.OK, (await Sessions.ProbeAsync(browser)).StatusCode);
        var home = await browser.GetStringAsync("/", Cancel);
        var token = System.Text.RegularExpressions.Regex.Match(home, "name=\"__RequestVerificationToken\" value=\"([^\"]+)\"").Groups[1].Value;

        using var logout = new HttpRequestMessage(HttpMethod.Post, "/account/logout")
        {
            Content = new FormUrlEncodedContent(new Dictionary<string, string> { ["__RequestVerificationToken"] = token }),
        };
        var signedOut = await browser.SendAsync(logout, Cancel);
        Assert.Equal(HttpStatusCode.Redirect, signedOut.StatusCode);

        var replayed = Sessions.WithCookie(factory, cookie);
        Assert.Equal(HttpStatusCode.Unauthorized, (await Sessions.ProbeAsync(replayed)).StatusCode);
        var page = await replayed.GetAsync("/", Cancel);
        Assert.Equal(HttpStatusCode.Redirect, page.StatusCode);
        Assert.StartsWith("/account/login", page.Headers.Location!.PathAndQuery, StringComparison.Ordinal);
    }

    [Fact]
    public async Task AnIdleSession_Ends_CookieAndToken()
    {
        using var factory = new KaopingFactory(DatabaseProvider.Sqlite);
        factory.Settings["Kaoping:Security:IdleTimeout"] = "00:00:01.5";
        var token = await factory.ClientAsAsync("leader");
        var cookie = Sessions.WithCookie(factory, await Sessions.CookieAsync(factory, "leader"));
        var busy = await factory.ClientAsAsync("leader");

        for (var i = 0; i < 4; i++)
        {
            await Task.Delay(TimeSpan.FromSeconds(0.6), Cancel);
            Assert.Equal(HttpStatusCode.OK, (await Sessions.ProbeAsync(busy)).StatusCode);
        }

        Assert.Equal(HttpStatusCode.Unauthorized, (await Sessions.ProbeAsync(token)).StatusCode);
        Assert.Equal(HttpStatusCode.Unauthorized, (await Sessions.ProbeAsync(cookie)).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await Sessions.ProbeAsync(busy)).StatusCode);
    }

    [Theory]
    [MemberData(nameof(Databases.All), MemberType = typeof(Databases))]
    public async Task APasswordReset_EndsEverySession_AndTheTemporaryPasswordMustBeChanged(DatabaseProvider provider)
    {
        using var factory = new KaopingFactory(provider);
        var sysadmin = await factory.ClientAsAsync("sysadmin");
        var before = await factory.ClientAsAsync("yuzhou");
        var id = await Sessions.IdOfAsync(factory, "yuzhou");

        var reset = await sysadmin.PostAsJsonAsync($"/api/users/{id}/password-reset", new { }, Cancel);

        Assert.Equal(HttpStatusCode.OK, reset.StatusCode);
        var temporary = (await reset.JsonAsync()).GetProperty("temporaryPassword").GetString()!;
        Assert.Equal(HttpStatusCode.Unauthorized, (await Sessions.ProbeAsync(before)).StatusCode);
        Assert.Equal(HttpStatusCode.Unauthorized, (await Sessions.LoginAsync(factory, "yuzhou", KaopingFactory.Password)).StatusCode);
        var due = await factory.ClientAsAsync("yuzhou", temporary);
        Assert.Equal(HttpStatusCode.Forbidden, (await Sessions.ProbeAsync(due)).StatusCode);
        var changed = await due.PostAsJsonAsync("/api/account/password", new { currentPassword = temporary, newPassword = Sessions.StrongPassword }, Cancel);
        Assert.Equal(HttpStatusCode.NoContent, changed.StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await Sessions.ProbeAsync(await factory.ClientAsAsync("yuzhou", Sessions.StrongPassword))).StatusCode);
    }

    internal static Task<HttpResponseMessage> CreateAsync(HttpClient client, string userName, string role) =>
        client.PostAsJsonAsync("/api/users", new { userName, displayName = userName, password = "Chushi#2026a", role }, Cancel);

    /// <summary>A user created with an initial password signs in, chooses their own, and signs in again.</summary>
    internal static async Task<HttpClient> SignedInWithOwnPasswordAsync(KaopingFactory factory, string userName)
    {
        var first = await factory.ClientAsAsync(userName, "Chushi#2026a");
        var changed = await first.PostAsJsonAsync("/api/account/password", new { currentPassword = "Chushi#2026a", newPassword = Sessions.StrongPassword },
            Cancel);
        Assert.Equal(HttpStatusCode.NoContent, changed.StatusCode);
        return await factory.ClientAsAsync(userName, Sessions.StrongPassword);
    }
}
