using System.Net.Http.Json;
using Kaoping.Web.Tests.Api;
using Microsoft.Playwright;

namespace Kaoping.Web.Tests.Browser;

/// <summary>A province's board filtered by city: the region in the URL, shown before each target's name.</summary>
[Collection(BrowserCollection.Name)]
public class BoardRegionBrowserTests(BrowserFixture fixture)
{
    [Theory]
    [InlineData(1280, "board-region")]
    [InlineData(820, "board-region-820")]
    public async Task TheBoard_FiltersByRegion_AndKeepsItInTheUrl(int width, string screenshot)
    {
        var campaign = await CampaignAsync(fixture.Factory, "河南省考评" + width,
            ("金水区" + width, "河南省 › 郑州市"), ("二七区" + width, "河南省 › 郑州市"), ("湛河区" + width, "河南省 › 平顶山市"));
        var page = await fixture.SignedInPageAsync("admin", width);
        await page.GotoAsync($"{fixture.BaseUrl}/campaigns/{campaign}");
        await page.WaitForSelectorAsync(".page-content[data-interactive=true] #board tbody tr", new PageWaitForSelectorOptions { Timeout = 20000 });
        await Assertions.Expect(page.Locator("#board tbody tr")).ToHaveCountAsync(3);

        await BrowserFixture.ChooseUntilUrlAsync(page, "#filter-region", "河南省 › 郑州市",
            u => u.Contains("region=" + Uri.EscapeDataString("河南省 › 郑州市"), StringComparison.Ordinal));

        await Assertions.Expect(page.Locator("#board tbody tr")).ToHaveCountAsync(2);
        await Assertions.Expect(page.Locator("#board tbody tr").First).ToContainTextAsync("河南省 › 郑州市 › 金水区");
        await BrowserFixture.ScreenshotAsync(page, screenshot);
        // the address opens the same board, the filter chosen
        await page.GotoAsync(page.Url);
        await page.WaitForSelectorAsync(".page-content[data-interactive=true] #board tbody tr", new PageWaitForSelectorOptions { Timeout = 20000 });
        await Assertions.Expect(page.Locator("#board tbody tr")).ToHaveCountAsync(2);
        await Assertions.Expect(page.Locator("#filter-region")).ToHaveValueAsync("河南省 › 郑州市");
    }

    /// <summary>A campaign of new targets, each with its region, no self-assessment and no team: its id.</summary>
    public static async Task<int> CampaignAsync(KaopingFactory factory, string name, params (string Name, string Region)[] units)
    {
        var admin = await factory.ClientAsAsync("admin");
        var targets = new List<int>();
        foreach (var (unit, region) in units)
        {
            var created = await admin.PostAsJsonAsync("/api/targets", new { name = unit, kind = "区", region }, TestContext.Current.CancellationToken);
            targets.Add((await created.JsonAsync()).GetProperty("id").GetInt32());
        }
        var campaign = await (await admin.PostAsJsonAsync("/api/campaigns", new
        {
            name, year = 2026, rubricId = 1, targetIds = targets, selfAssessment = false, teams = Array.Empty<object>(),
        }, TestContext.Current.CancellationToken)).JsonAsync();
        return campaign.GetProperty("id").GetInt32();
    }
}
