using System.Net;
using System.Net.Http.Json;
using Kaoping.Data;
using Kaoping.Web.Tests.Api;
using Microsoft.EntityFrameworkCore;

namespace Kaoping.Web.Tests.Accounts;

/// <summary>Issue 13, item 3: accounts edited, disabled, reset and changed; the password rules; nobody changes their own roles.</summary>
public class AccountsApiTests
{
    private static CancellationToken Cancel => TestContext.Current.CancellationToken;

    [Theory]
    [InlineData("Ab1!", "至少8位")]
    [InlineData("abcdefgh12", "至少三类")]
    [InlineData("Xinyonghu#1", "不能包含用户名")]
    [InlineData("Password123", "常见密码")]
    [InlineData("woaini1314", "常见密码")]
    [InlineData("Aa123456", "常见密码")]
    public async Task AWeakPassword_IsRefusedWithItsReason_AndNoUserCreated(string password, string reason)
    {
        using var factory = new KaopingFactory(DatabaseProvider.Sqlite);
        var sysadmin = await factory.ClientAsAsync("sysadmin");

        var response = await sysadmin.PostAsJsonAsync("/api/users", new { userName = "xinyonghu", password, role = "leader" }, Cancel);

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Contains(reason, await response.Content.ReadAsStringAsync(Cancel));
        Assert.False(await factory.WithDbAsync(db => db.Users.AnyAsync(u => u.UserName == "xinyonghu", Cancel)));
    }

    [Theory]
    [MemberData(nameof(Databases.All), MemberType = typeof(Databases))]
    public async Task OnesOwnPassword_NeedsTheCurrentOne_AndEndsTheOtherSessions(DatabaseProvider provider)
    {
        using var factory = new KaopingFactory(provider);
        var client = await factory.ClientAsAsync("changge");
        var other = await factory.ClientAsAsync("changge");

        var wrong = await client.PostAsJsonAsync("/api/account/password", new { currentPassword = "Buzhidao#1", newPassword = Sessions.StrongPassword },
            Cancel);
        var weak = await client.PostAsJsonAsync("/api/account/password", new { currentPassword = KaopingFactory.Password, newPassword = "changge2026" },
            Cancel);
        Assert.Equal(HttpStatusCode.BadRequest, wrong.StatusCode);
        Assert.Contains("当前密码不正确", await wrong.Content.ReadAsStringAsync(Cancel));
        Assert.Equal(HttpStatusCode.BadRequest, weak.StatusCode);
        Assert.Contains("不能包含用户名", await weak.Content.ReadAsStringAsync(Cancel));
        Assert.Equal(HttpStatusCode.OK, (await Sessions.ProbeAsync(other)).StatusCode);

        var changed = await client.PostAsJsonAsync("/api/account/password", new { currentPassword = KaopingFactory.Password,
            newPassword = Sessions.StrongPassword }, Cancel);

        Assert.Equal(HttpStatusCode.NoContent, changed.StatusCode);
        Assert.Equal(HttpStatusCode.Unauthorized, (await Sessions.ProbeAsync(other)).StatusCode);
        Assert.Equal(HttpStatusCode.Unauthorized, (await Sessions.LoginAsync(factory, "changge", KaopingFactory.Password)).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await Sessions.LoginAsync(factory, "changge", Sessions.StrongPassword)).StatusCode);
    }

    [Theory]
    [MemberData(nameof(Databases.All), MemberType = typeof(Databases))]
    public async Task ANewUser_MustChangeTheInitialPassword_BeforeAnythingElse(DatabaseProvider provider)
    {
        using var factory = new KaopingFactory(provider);
        var sysadmin = await factory.ClientAsAsync("sysadmin");
        Assert.Equal(HttpStatusCode.Created, (await RevocationTests.CreateAsync(sysadmin, "newleader", "leader")).StatusCode);

        var first = await factory.ClientAsAsync("newleader", "Chushi#2026a");
        Assert.Equal(HttpStatusCode.Forbidden, (await Sessions.ProbeAsync(first)).StatusCode);
        var after = await RevocationTests.SignedInWithOwnPasswordAsync(factory, "newleader");

        Assert.Equal(HttpStatusCode.OK, (await Sessions.ProbeAsync(after)).StatusCode);
        Assert.False(await factory.WithDbAsync(db => db.Users.Where(u => u.UserName == "newleader").Select(u => u.MustChangePassword).SingleAsync(Cancel)));
    }

    [Fact]
    public async Task TheDemoAccounts_NeedNoPasswordChange()
    {
        using var factory = new KaopingFactory(DatabaseProvider.Sqlite);

        foreach (var user in new[] { "admin", "sysadmin", "auditor", "assessor1", "yuzhou", "leader" })
            Assert.Equal(HttpStatusCode.OK, (await Sessions.ProbeAsync(await factory.ClientAsAsync(user))).StatusCode);
    }

    [Theory]
    [MemberData(nameof(Databases.All), MemberType = typeof(Databases))]
    public async Task NobodyChangesTheirOwnRoles_OrDisablesThemselves(DatabaseProvider provider)
    {
        using var factory = new KaopingFactory(provider);
        var sysadmin = await factory.ClientAsAsync("sysadmin");
        var me = await Sessions.IdOfAsync(factory, "sysadmin");

        var roles = await sysadmin.PutAsJsonAsync($"/api/users/{me}", new { displayName = "我", roles = new[] { "systemAdmin", "admin" } }, Cancel);
        var disable = await sysadmin.PostAsync($"/api/users/{me}/disable", null, Cancel);
        var reset = await sysadmin.PostAsJsonAsync($"/api/users/{me}/password-reset", new { }, Cancel);
        var name = await sysadmin.PutAsJsonAsync($"/api/users/{me}", new { displayName = "信息中心 张工", roles = new[] { "systemAdmin" } }, Cancel);

        Assert.Equal(HttpStatusCode.Forbidden, roles.StatusCode);
        Assert.Contains("不能更改自己的角色", await roles.Content.ReadAsStringAsync(Cancel));
        Assert.Equal(HttpStatusCode.Forbidden, disable.StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, reset.StatusCode);
        Assert.Equal(HttpStatusCode.NoContent, name.StatusCode);
        var user = await factory.WithDbAsync(db => db.Users.Where(u => u.Id == me).Select(u => new { u.DisplayName, u.Disabled }).SingleAsync(Cancel));
        Assert.Equal(("信息中心 张工", false), (user.DisplayName, user.Disabled));
        var held = await factory.WithDbAsync(db => db.UserRoles.CountAsync(r => r.UserId == me, Cancel));
        Assert.Equal(1, held);
    }

    [Fact]
    public async Task OneRoleAUser_TheAuditorWithNoOther()
    {
        using var factory = new KaopingFactory(DatabaseProvider.Sqlite);
        var sysadmin = await factory.ClientAsAsync("sysadmin");
        var id = await Sessions.IdOfAsync(factory, "leader");

        var both = await sysadmin.PutAsJsonAsync($"/api/users/{id}", new { displayName = "领导", roles = new[] { "auditor", "leader" } }, Cancel);
        var unknown = await sysadmin.PostAsync("/api/users/no-such-user/disable", null, Cancel);

        Assert.Equal(HttpStatusCode.BadRequest, both.StatusCode);
        Assert.Contains("一个用户只能有一个角色", await both.Content.ReadAsStringAsync(Cancel));
        Assert.Equal(HttpStatusCode.NotFound, unknown.StatusCode);
    }

    [Fact]
    public async Task ChangesWithTheSignInCookie_NeedTheAntiforgeryToken()
    {
        using var factory = new KaopingFactory(DatabaseProvider.Sqlite);
        var browser = Sessions.WithCookie(factory, await Sessions.CookieAsync(factory, "sysadmin"));
        var id = await Sessions.IdOfAsync(factory, "leader");

        var disable = await browser.PostAsync($"/api/users/{id}/disable", null, Cancel);
        var password = await browser.PostAsJsonAsync("/api/account/password", new { currentPassword = KaopingFactory.Password,
            newPassword = Sessions.StrongPassword }, Cancel);

        Assert.Equal(HttpStatusCode.BadRequest, disable.StatusCode);
        Assert.Equal(HttpStatusCode.BadRequest, password.StatusCode);
        Assert.False(await factory.WithDbAsync(db => db.Users.Where(u => u.Id == id).Select(u => u.Disabled).SingleAsync(Cancel)));
    }
}
