using System.Net.Http.Json;
using Kaoping.Web.Tests.Api;
using Kaoping.Web.Tests.Office;
using Microsoft.EntityFrameworkCore;
using Microsoft.Playwright;

namespace Kaoping.Web.Tests.Browser;

/// <summary>The board of the office: its filter in the URL, pages, and a bulk publish with its confirmation and answer.</summary>
[Collection(BrowserCollection.Name)]
public class BoardBrowserTests(BrowserFixture fixture)
{
    private static async Task OpenBoardAsync(IPage page, string url)
    {
        await page.GotoAsync(url);
        await page.WaitForSelectorAsync(".page-content[data-interactive=true] #board", new PageWaitForSelectorOptions { Timeout = 20000 });
    }

    /// <summary>A campaign of its own (no self-assessment, team of assessor2), so that the tests sharing the demo database do not meet.</summary>
    internal static async Task<int> CampaignAsync(KaopingFactory factory, string name, params string[] targetNames)
    {
        var admin = await factory.ClientAsAsync("admin");
        var assessorId = await factory.WithDbAsync(db => db.Users.Where(u => u.UserName == "assessor2").Select(u => u.Id).SingleAsync());
        var targets = new List<int>();
        foreach (var target in targetNames)
        {
            var created = await admin.PostAsJsonAsync("/api/targets", new { name = target }, TestContext.Current.CancellationToken);
            targets.Add((await created.JsonAsync()).GetProperty("id").GetInt32());
        }
        var campaign = await admin.PostAsJsonAsync("/api/campaigns", new
        {
            name, year = 2026, rubricId = 1, targetIds = targets, selfAssessment = false,
            teams = new[] { new { name = "演练组", memberUserIds = new[] { assessorId }, targetIds = targets } },
        }, TestContext.Current.CancellationToken);
        return (await campaign.JsonAsync()).GetProperty("id").GetInt32();
    }

    [Theory]
    [InlineData(1280, "board-filter")]
    [InlineData(820, "board-filter-820")]
    public async Task TheBoard_FiltersByState_AndKeepsTheFilterInTheUrl(int width, string screenshot)
    {
        var page = await fixture.SignedInPageAsync("admin", width);
        await OpenBoardAsync(page, $"{fixture.BaseUrl}/campaigns/1");

        await BrowserFixture.ChooseUntilUrlAsync(page, "#filter-state", "SelfAssessing", u => u.Contains("state=selfAssessing", StringComparison.Ordinal));
        await Assertions.Expect(page.Locator("#board tbody tr")).ToHaveCountAsync(3);
        await Assertions.Expect(page.Locator("#board-total")).ToHaveTextAsync("3");
        // the bulk export takes the same filter
        await Assertions.Expect(page.Locator("#bulk-export-all")).ToHaveAttributeAsync("href", "/api/campaigns/1/reports/sheets.zip?state=selfAssessing");
        await Assertions.Expect(page.Locator("#board tbody")).ToContainTextAsync("东城区");
        await BrowserFixture.ScreenshotAsync(page, screenshot);

        await page.Locator("#filter-q").FillAsync("东城");
        await page.Locator("#filter-q").PressAsync("Enter");
        await page.WaitForURLAsync(u => u.Contains("q=", StringComparison.Ordinal));
        await Assertions.Expect(page.Locator("#board tbody tr")).ToHaveCountAsync(1);
        // the address opens the same board
        await OpenBoardAsync(page, page.Url);
        await Assertions.Expect(page.Locator("#board tbody tr")).ToHaveCountAsync(1);
        await Assertions.Expect(page.Locator("#filter-state")).ToHaveValueAsync("SelfAssessing");
    }

    [Fact]
    public async Task TheOffice_PublishesAllMatchingSheets_AfterConfirming_AndSeesWhatWasDone()
    {
        var admin = await fixture.Factory.ClientAsAsync("admin");
        var assessor = await fixture.Factory.ClientAsAsync("assessor2");
        var campaign = await CampaignAsync(fixture.Factory, "批量公示演练", "批量一县", "批量二县", "批量三县");
        var sheets = (await admin.BoardAsync(campaign)).Values.Select(v => v.Id).ToList();
        await assessor.BulkAsync("startAssessment", sheets, campaign: campaign);
        await assessor.BulkAsync("submitAssessment", sheets[..2], campaign: campaign);
        await admin.BulkAsync("review", sheets[..2], campaign: campaign);
        await admin.BulkAsync("approve", sheets[..2], campaign: campaign);

        var page = await fixture.SignedInPageAsync("admin");
        await OpenBoardAsync(page, $"{fixture.BaseUrl}/campaigns/{campaign}");
        await page.Locator("#bulk-action").SelectOptionAsync("Publish");
        await page.Locator("#bulk-run-all").ClickAsync();
        await Assertions.Expect(page.Locator(".mud-dialog")).ToContainTextAsync("不能撤回");
        await BrowserFixture.ScreenshotAsync(page, "board-bulk-confirm");
        await BrowserFixture.ConfirmAsync(page);

        await Assertions.Expect(page.Locator("#bulk-result")).ToContainTextAsync("完成 2 张，未执行 1 张");
        await Assertions.Expect(page.Locator("#bulk-result")).ToContainTextAsync("批量三县");
        await Assertions.Expect(page.Locator("#board tbody")).ToContainTextAsync("已公示");
        await BrowserFixture.ScreenshotAsync(page, "board-bulk-published");
        var states = await admin.BoardAsync(campaign);
        Assert.Equal(["assessing", "published", "published"], states.Values.Select(v => v.State).Order());
    }
}
