using Microsoft.Playwright;

namespace Kaoping.Web.Tests.Browser;

/// <summary>The account pages (issue 13, item 3): the system administrator's users list, the forced and the own password change.</summary>
[Collection(BrowserCollection.Name)]
public class AccountPagesBrowserTests(BrowserFixture fixture)
{
    private const string Initial = "Chushi#2026a";
    private const string Own = "Zhongyuan#2026";

    [Fact]
    public async Task TheSystemAdministrator_CreatesAUser_WhoMustChangeTheInitialPassword_ThenDisablesAndResetsThem()
    {
        var admin = await fixture.SignedInPageAsync("sysadmin");
        await admin.GotoAsync($"{fixture.BaseUrl}/admin/users");
        await admin.WaitForSelectorAsync(".page-content[data-interactive=true]");
        var editor = admin.Locator("[data-editor]");
        await editor.GetByLabel("用户名").FillAsync("zhangsan");
        await editor.GetByLabel("姓名或单位").FillAsync("张三（第二考评组）");
        await editor.GetByLabel("初始密码（用户首次登录时须修改）").FillAsync(Initial);
        await editor.GetByRole(AriaRole.Button, new() { Name = "创建用户" }).ClickAsync();
        var row = admin.Locator("tr[data-user=zhangsan]");
        await Assertions.Expect(row).ToContainTextAsync("待修改初始密码");
        await BrowserFixture.ScreenshotAsync(admin, "20-users-desktop");

        var context = await fixture.Browser.NewContextAsync(new BrowserNewContextOptions { ViewportSize = new() { Width = 820, Height = 1000 },
            Locale = "zh-CN" });
        var user = await context.NewPageAsync();
        await SignInAsync(user, "zhangsan", Initial);
        await user.WaitForURLAsync(url => url.Contains("/account/password", StringComparison.Ordinal));
        await Assertions.Expect(user.Locator(".login-notice")).ToContainTextAsync("请先设置自己的新密码");
        await BrowserFixture.ScreenshotAsync(user, "21-password-forced-820");
        await user.FillAsync("#current", Initial);
        await user.FillAsync("#new", "zhangsan#2026");
        await user.FillAsync("#confirm", "zhangsan#2026");
        await user.ClickAsync("button[type=submit]");
        await Assertions.Expect(user.Locator(".login-error")).ToContainTextAsync("不能包含用户名");
        await user.FillAsync("#current", Initial);
        await user.FillAsync("#new", Own);
        await user.FillAsync("#confirm", Own);
        await user.ClickAsync("button[type=submit]");
        await user.WaitForURLAsync(fixture.BaseUrl + "/");

        await admin.ReloadAsync();
        await admin.WaitForSelectorAsync(".page-content[data-interactive=true]");
        await Assertions.Expect(row).ToContainTextAsync("正常");
        await row.GetByRole(AriaRole.Button, new() { Name = "停用" }).ClickAsync();
        await Assertions.Expect(row).ToContainTextAsync("已停用");
        // The disabled user's open page loses its session: the next page asks them to sign in.
        await user.GotoAsync(fixture.BaseUrl + "/campaigns");
        await user.WaitForURLAsync(url => url.Contains("/account/login", StringComparison.Ordinal));
        await row.GetByRole(AriaRole.Button, new() { Name = "启用" }).ClickAsync();
        await row.GetByRole(AriaRole.Button, new() { Name = "重置密码" }).ClickAsync();
        await Assertions.Expect(admin.Locator("[data-notice]")).ToContainTextAsync("zhangsan 的临时密码");
        await BrowserFixture.ScreenshotAsync(admin, "22-users-reset");

        var narrow = await fixture.SignedInPageAsync("sysadmin", width: 820, height: 1100);
        await narrow.GotoAsync($"{fixture.BaseUrl}/admin/users");
        await narrow.WaitForSelectorAsync(".page-content[data-interactive=true]");
        await BrowserFixture.ScreenshotAsync(narrow, "23-users-820");
    }

    [Fact]
    public async Task AnyUser_OpensChangePassword_FromTheMenu()
    {
        var page = await fixture.SignedInPageAsync("yanling");
        await page.GetByRole(AriaRole.Link, new() { Name = "修改密码" }).ClickAsync();
        await page.WaitForURLAsync(url => url.Contains("/account/password", StringComparison.Ordinal));
        await Assertions.Expect(page.Locator("h1")).ToHaveTextAsync("修改密码");
        await Assertions.Expect(page.Locator(".login-notice")).ToHaveCountAsync(0);
        await BrowserFixture.ScreenshotAsync(page, "24-password-own-desktop");
    }

    private async Task SignInAsync(IPage page, string userName, string password)
    {
        await page.GotoAsync(fixture.BaseUrl + "/account/login");
        await page.FillAsync("#userName", userName);
        await page.FillAsync("#password", password);
        await page.ClickAsync("button[type=submit]");
    }
}
