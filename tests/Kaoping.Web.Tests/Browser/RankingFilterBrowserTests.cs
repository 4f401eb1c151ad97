using Kaoping.Campaigns;
using Microsoft.EntityFrameworkCore;
using Microsoft.Playwright;

namespace Kaoping.Web.Tests.Browser;

/// <summary>The ranking tab filtered by region and name, the tab and the filter kept in the address.</summary>
[Collection(BrowserCollection.Name)]
public class RankingFilterBrowserTests(BrowserFixture fixture)
{
    [Theory]
    [InlineData(1280, "ranking-region")]
    [InlineData(820, "ranking-region-820")]
    public async Task TheRanking_FiltersByRegion_AndTheAddressOpensTheSameView(int width, string screenshot)
    {
        var campaign = await BoardRegionBrowserTests.CampaignAsync(fixture.Factory, "河南省排名" + width,
            ("中原区" + width, "河南省 › 郑州市"), ("管城区" + width, "河南省 › 郑州市"), ("卫东区" + width, "河南省 › 平顶山市"));
        await fixture.Factory.WithDbAsync(db => db.Sheets.Where(s => s.CampaignId == campaign)
            .ExecuteUpdateAsync(u => u.SetProperty(s => s.State, SheetState.Approved)));
        var page = await fixture.SignedInPageAsync("admin", width);
        await page.GotoAsync($"{fixture.BaseUrl}/campaigns/{campaign}?tab=ranking");
        await page.WaitForSelectorAsync(".page-content[data-interactive=true] #ranking tbody tr", new PageWaitForSelectorOptions { Timeout = 20000 });
        await Assertions.Expect(page.Locator("#ranking tbody tr")).ToHaveCountAsync(3);

        var zhengzhou = "河南省 › 郑州市";
        await BrowserFixture.ChooseUntilUrlAsync(page, "#ranking-region", zhengzhou,
            u => u.Contains("rankregion=" + Uri.EscapeDataString(zhengzhou), StringComparison.Ordinal));

        await Assertions.Expect(page.Locator("#ranking tbody tr")).ToHaveCountAsync(2);
        await Assertions.Expect(page.Locator("#ranking-total")).ToHaveTextAsync("2");
        await Assertions.Expect(page.Locator("#ranking tbody")).ToContainTextAsync(zhengzhou + " › 中原区" + width);
        await Assertions.Expect(page.Locator("#ranking tbody")).Not.ToContainTextAsync("卫东区");
        await BrowserFixture.ScreenshotAsync(page, screenshot);
        // the address opens the ranking tab with the filter chosen; a name narrows it further
        await page.GotoAsync(page.Url);
        await page.WaitForSelectorAsync(".page-content[data-interactive=true] #ranking tbody tr", new PageWaitForSelectorOptions { Timeout = 20000 });
        await Assertions.Expect(page.Locator("#ranking tbody tr")).ToHaveCountAsync(2);
        await Assertions.Expect(page.Locator("#ranking-region")).ToHaveValueAsync(zhengzhou);
        await page.Locator("#ranking-q").FillAsync("管城");
        await page.Locator("#ranking-q").PressAsync("Enter");
        await page.WaitForURLAsync(u => u.Contains("rankq=", StringComparison.Ordinal));
        await Assertions.Expect(page.Locator("#ranking tbody tr")).ToHaveCountAsync(1);
        await Assertions.Expect(page.Locator("#ranking tbody")).ToContainTextAsync("管城区" + width);
    }
}
