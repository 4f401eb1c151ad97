using Kaoping.Web.Tests.Office;
using Microsoft.Playwright;

namespace Kaoping.Web.Tests.Browser;

/// <summary>The bell: its unread count, its list, and an item that opens its sheet and is then read.</summary>
[Collection(BrowserCollection.Name)]
public class NotificationBrowserTests(BrowserFixture fixture)
{
    [Fact]
    public async Task TheBell_CountsWhatIsUnread_AndAnItemOpensItsSheet()
    {
        var campaign = await BoardBrowserTests.CampaignAsync(fixture.Factory, "提醒演练", "提醒县");
        var assessor = await fixture.Factory.ClientAsAsync("assessor2");
        var sheet = (await (await fixture.Factory.ClientAsAsync("admin")).BoardAsync(campaign))["提醒县"].Id;
        await assessor.BulkAsync("startAssessment", [sheet], campaign: campaign);
        await assessor.BulkAsync("submitAssessment", [sheet], campaign: campaign);

        var page = await fixture.SignedInPageAsync("admin");
        await page.WaitForSelectorAsync(".page-content[data-interactive=true]", new PageWaitForSelectorOptions { Timeout = 20000 });
        var badge = page.Locator("#bell .mud-badge");
        await Assertions.Expect(badge).ToBeVisibleAsync();
        var before = int.Parse(await badge.InnerTextAsync(), System.Globalization.CultureInfo.InvariantCulture);
        await page.Locator("#bell-button").ClickAsync();
        var item = page.Locator("#bell-list .bell-item", new PageLocatorOptions { HasText = "提醒县的考评已提交，待复核。" });
        try
        {
            await Assertions.Expect(item).ToBeVisibleAsync();
        }
        finally
        {
            await BrowserFixture.ScreenshotAsync(page, "bell-open");
        }

        await item.ClickAsync();

        await page.WaitForURLAsync(u => u.EndsWith($"/sheets/{sheet}", StringComparison.Ordinal));
        if (before > 1)
            await Assertions.Expect(badge).ToHaveTextAsync((before - 1).ToString(System.Globalization.CultureInfo.InvariantCulture));
        else
            await Assertions.Expect(badge).ToBeHiddenAsync();
    }
}
