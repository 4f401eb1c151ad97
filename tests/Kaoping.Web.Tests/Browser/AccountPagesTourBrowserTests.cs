using System.Net.Http.Json;
using Microsoft.Playwright;

namespace Kaoping.Web.Tests.Browser;

/// <summary>
/// The account pages at a desktop's and a tablet's width (issue 13's screenshots): the users list, editing a user, one's
/// own password change, the forced change at the first sign-in and the security log; nothing wider than the window.
/// </summary>
[Collection(BrowserCollection.Name)]
public class AccountPagesTourBrowserTests(BrowserFixture fixture)
{
    private const string Initial = "Chushi#2026b";

    [Theory]
    [InlineData(1366, 800)]
    [InlineData(820, 1100)]
    public async Task EveryAccountPage_FitsTheWindow_WithItsChineseText(int width, int height)
    {
        var admin = await fixture.SignedInPageAsync("sysadmin", width, height);
        await admin.GotoAsync($"{fixture.BaseUrl}/admin/users");
        await admin.WaitForSelectorAsync(".page-content[data-interactive=true]");
        await Assertions.Expect(admin.Locator("tr[data-user=leader]")).ToContainTextAsync("领导");
        await FitsAsync(admin, $"30-users-{width}");
        await admin.Locator("tr[data-user=leader]").GetByRole(AriaRole.Button, new() { Name = "编辑" }).ClickAsync();
        await Assertions.Expect(admin.Locator("[data-editor]")).ToContainTextAsync("编辑用户 leader");
        // The editor is below the list: it comes into view by itself, or the click would seem to do nothing.
        await Assertions.Expect(admin.Locator("[data-editor]")).ToBeInViewportAsync();
        await FitsAsync(admin, $"31-user-edit-{width}");

        var own = await fixture.SignedInPageAsync("yanling", width, height);
        await own.GotoAsync($"{fixture.BaseUrl}/account/password");
        await Assertions.Expect(own.Locator("h1")).ToHaveTextAsync("修改密码");
        await FitsAsync(own, $"32-password-own-{width}");

        var userName = "tour" + width;
        var api = await fixture.Factory.ClientAsAsync("sysadmin");
        var created = await api.PostAsJsonAsync("/api/users", new { userName, displayName = "巡检用户", password = Initial, role = "leader" },
            TestContext.Current.CancellationToken);
        Assert.True(created.IsSuccessStatusCode, await created.Content.ReadAsStringAsync(TestContext.Current.CancellationToken));
        var context = await fixture.Browser.NewContextAsync(new BrowserNewContextOptions { ViewportSize = new() { Width = width, Height = height },
            Locale = "zh-CN" });
        var forced = await context.NewPageAsync();
        await forced.GotoAsync(fixture.BaseUrl + "/account/login");
        await forced.FillAsync("#userName", userName);
        await forced.FillAsync("#password", Initial);
        await forced.ClickAsync("button[type=submit]");
        await forced.WaitForURLAsync(url => url.Contains("/account/password", StringComparison.Ordinal));
        await Assertions.Expect(forced.Locator(".login-notice")).ToContainTextAsync("请先设置自己的新密码");
        await Assertions.Expect(forced.Locator(".login-account")).ToContainTextAsync("账号：" + userName);
        await Assertions.Expect(forced.GetByRole(AriaRole.Button, new() { Name = "退出登录" })).ToBeVisibleAsync();
        await FitsAsync(forced, $"33-password-forced-{width}");

        var auditor = await fixture.SignedInPageAsync("auditor", width, height);
        await auditor.GotoAsync($"{fixture.BaseUrl}/audit/security-log");
        await auditor.WaitForSelectorAsync(".page-content[data-interactive=true]");
        await Assertions.Expect(auditor.Locator(".security-log tbody tr").First).ToBeVisibleAsync();
        await auditor.Locator("button.verify").ClickAsync();
        await Assertions.Expect(auditor.Locator(".verification")).ToContainTextAsync("完整");
        await FitsAsync(auditor, $"34-security-log-{width}");
        // Roles in the log read in Chinese, as everywhere else on the page.
        await Assertions.Expect(auditor.Locator(".security-log tbody tr", new() { HasText = userName }).Filter(new() { HasText = "创建用户" }))
            .ToContainTextAsync("领导");
    }

    /// <summary>The page scrolls down, never sideways: a table or a form wider than the window is cut off on a tablet.</summary>
    private static async Task FitsAsync(IPage page, string screenshot)
    {
        await BrowserFixture.ScreenshotAsync(page, screenshot);
        var overflow = await page.EvaluateAsync<int>("() => document.documentElement.scrollWidth - window.innerWidth");
        Assert.True(overflow <= 0, $"{screenshot}: the page is {overflow} px wider than the window");
    }
}
