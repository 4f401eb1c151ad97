using Microsoft.EntityFrameworkCore;
using Microsoft.Playwright;

namespace Kaoping.Web.Tests.Browser;

/// <summary>One's own e-mail opt-out on “我的账号”, and the system administrator's mail settings page (issue 16, item 4).</summary>
[Collection(BrowserCollection.Name)]
public class AccountMailBrowserTests(BrowserFixture fixture)
{
    [Fact]
    public async Task AReporter_TurnsMailOff_OnTheirAccountPage()
    {
        var page = await fixture.SignedInPageAsync("changge");
        await page.GotoAsync($"{fixture.BaseUrl}/account");
        await page.WaitForSelectorAsync(".page-content[data-interactive=true]", new PageWaitForSelectorOptions { Timeout = 20000 });
        await Assertions.Expect(page.Locator("[data-email]")).ToContainTextAsync("未设置");

        await page.Locator("[data-account-mail] input[type=checkbox]").ClickAsync();

        await Assertions.Expect(page.Locator("[data-account-mail] [role=status]")).ToHaveTextAsync("已关闭邮件提醒。");
        await BrowserFixture.ScreenshotAsync(page, "account-mail");
        Assert.True(await fixture.Factory.WithDbAsync(db => db.Users.Where(u => u.UserName == "changge").Select(u => u.EmailOptOut).SingleAsync()));
    }

    [Fact]
    public async Task TheMailSettingsPage_ShowsWhatIsConfigured_AndTestsTheConnection()
    {
        var page = await fixture.SignedInPageAsync("sysadmin");
        await page.GotoAsync($"{fixture.BaseUrl}/admin/mail");
        await page.WaitForSelectorAsync(".page-content[data-interactive=true]", new PageWaitForSelectorOptions { Timeout = 20000 });
        await Assertions.Expect(page.Locator("[data-host]")).ToHaveTextAsync("未配置");

        await page.Locator("[data-test-mail]").ClickAsync();

        await Assertions.Expect(page.Locator("[data-mail-settings] [role=status]")).ToContainTextAsync("未配置邮件服务器");
        await BrowserFixture.ScreenshotAsync(page, "mail-settings");
    }
}
