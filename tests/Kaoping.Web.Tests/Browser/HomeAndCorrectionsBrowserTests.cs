using System.Globalization;
using System.Net.Http.Json;
using Kaoping.Web.Tests.Api;
using Kaoping.Web.Tests.Office;
using Microsoft.EntityFrameworkCore;
using Microsoft.Playwright;

namespace Kaoping.Web.Tests.Browser;

/// <summary>Issue 16: each role's home page (我的待办 and its count on the navigation), the office's correction pages, and a sheet on a tablet.</summary>
[Collection(BrowserCollection.Name)]
public class HomeAndCorrectionsBrowserTests(BrowserFixture fixture)
{
    private static CancellationToken Cancel => TestContext.Current.CancellationToken;

    private static string Day(DateOnly day) => day.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);

    private DateOnly Today => fixture.Factory.Services.GetService(typeof(Services.OfficeCalendar)) is Services.OfficeCalendar c ? c.Today : default;

    private static async Task HomeAsync(IPage page, string url)
    {
        await page.GotoAsync(url);
        await page.WaitForSelectorAsync(".page-content[data-interactive=true] #my-work", new PageWaitForSelectorOptions { Timeout = 20000 });
    }

    /// <summary>A campaign of its own with self-assessment due <paramref name="selfDue"/>, the team assessor2's.</summary>
    private async Task<int> CampaignAsync(string name, DateOnly selfDue, params string[] targets)
    {
        var admin = await fixture.Factory.ClientAsAsync("admin");
        var (ids, assessor) = await fixture.Factory.WithDbAsync(async db => (
            await db.Targets.Where(t => targets.Contains(t.Name)).Select(t => t.Id).ToListAsync(),
            await db.Users.Where(u => u.UserName == "assessor2").Select(u => u.Id).SingleAsync()));
        foreach (var target in targets.Skip(ids.Count))
            ids.Add((await (await admin.PostAsJsonAsync("/api/targets", new { name = target }, Cancel)).JsonAsync()).GetProperty("id").GetInt32());
        var created = await admin.PostAsJsonAsync("/api/campaigns", new
        {
            name, year = 2026, rubricId = 1, targetIds = ids, selfAssessmentDue = Day(selfDue),
            teams = new[] { new { name = "更正演练组", memberUserIds = new[] { assessor }, targetIds = ids } },
        }, Cancel);
        return (await created.JsonAsync()).GetProperty("id").GetInt32();
    }

    [Fact]
    public async Task EachRolesHomePage_ListsItsWork_WithTheCountOnTheNavigation()
    {
        await CampaignAsync("待办演练", Today.AddDays(2), "长葛市");

        var reporter = await fixture.SignedInPageAsync("changge");
        await HomeAsync(reporter, fixture.BaseUrl + "/");
        await Assertions.Expect(reporter.Locator("#work-selfAssess .work-link", new() { HasText = "长葛市" })).ToBeVisibleAsync();
        await Assertions.Expect(reporter.Locator("#work-dueSoon")).ToContainTextAsync("长葛市");
        await Assertions.Expect(reporter.Locator("#nav-todo")).ToHaveTextAsync(await reporter.Locator("#work-todo").InnerTextAsync());
        await BrowserFixture.ScreenshotAsync(reporter, "30-home-reporter");

        var assessor = await fixture.SignedInPageAsync("assessor1");
        await HomeAsync(assessor, fixture.BaseUrl + "/");
        await Assertions.Expect(assessor.Locator("#work-score .work-link").First).ToBeVisibleAsync();
        await Assertions.Expect(assessor.Locator("#work-overdue")).ToHaveCountAsync(0);
        await BrowserFixture.ScreenshotAsync(assessor, "31-home-assessor");

        var office = await fixture.SignedInPageAsync("admin");
        await HomeAsync(office, fixture.BaseUrl + "/");
        await Assertions.Expect(office.Locator("#work-overdue")).ToContainTextAsync("东城区");
        await BrowserFixture.ScreenshotAsync(office, "32-home-office");
        var first = office.Locator("#work-overdue .work-link").First;
        var href = await first.GetAttributeAsync("href");
        await first.ClickAsync();
        await office.WaitForURLAsync(fixture.BaseUrl + href);

        var leader = await fixture.SignedInPageAsync("leader");
        await HomeAsync(leader, fixture.BaseUrl + "/");
        await Assertions.Expect(leader.Locator("#work-overdue")).ToContainTextAsync("东城区");
        await Assertions.Expect(leader.Locator("#nav-todo")).ToHaveCountAsync(0);
        await BrowserFixture.ScreenshotAsync(leader, "33-home-leader");
    }

    [Fact]
    public async Task TheOffice_ExtendsOneSheet_SkipsAnOverdueSelfAssessment_AndEditsTheCampaign()
    {
        var campaign = await CampaignAsync("更正演练", Today.AddDays(-3), "更正县甲", "更正县乙");
        var board = await (await fixture.Factory.ClientAsAsync("admin")).BoardAsync(campaign);
        var page = await fixture.SignedInPageAsync("admin");

        await page.GotoAsync($"{fixture.BaseUrl}/sheets/{board["更正县甲"].Id}");
        await page.WaitForSelectorAsync("#sheet-header[data-interactive=true]", new PageWaitForSelectorOptions { Timeout = 20000 });
        await Assertions.Expect(page.Locator("[data-testid=late]")).ToContainTextAsync("已逾期3天");
        await page.Locator("#sheet-extend .extend-until input").FillAsync(Day(Today.AddDays(5)));
        await BrowserFixture.ConfirmThroughAsync(page, page.Locator("#extend-button"), "延期");
        await Assertions.Expect(page.Locator("#sheet-extend")).ToContainTextAsync("请写明延期理由");
        await page.Locator("#sheet-extend .extend-reason input").FillAsync("填报员更换，补交材料");
        await BrowserFixture.ConfirmThroughAsync(page, page.Locator("#extend-button"), "延期");
        await Assertions.Expect(page.Locator(".sheet-deadline")).ToContainTextAsync(Day(Today.AddDays(5)));
        await Assertions.Expect(page.Locator("[data-testid=late]")).ToHaveCountAsync(0);
        await BrowserFixture.ScreenshotAsync(page, "34-sheet-extended");

        await page.GotoAsync($"{fixture.BaseUrl}/sheets/{board["更正县乙"].Id}");
        await page.WaitForSelectorAsync("#sheet-header[data-interactive=true]", new PageWaitForSelectorOptions { Timeout = 20000 });
        await page.Locator("[data-action=SkipSelfAssessment]").ClickAsync();
        await BrowserFixture.ConfirmAsync(page);
        await Assertions.Expect(page.Locator(".comment-field")).ToContainTextAsync("必须写明意见");
        await page.Locator(".comment-field input").FillAsync("该单位无填报员，由考评组直接考评");
        await page.Locator("[data-action=SkipSelfAssessment]").ClickAsync();
        await BrowserFixture.ConfirmAsync(page);
        await Assertions.Expect(page.Locator("[data-testid=state]")).ToHaveTextAsync("考评中");

        await page.GotoAsync($"{fixture.BaseUrl}/campaigns/{campaign}/edit");
        await page.WaitForSelectorAsync(".page-content[data-interactive=true] #edit-save", new PageWaitForSelectorOptions { Timeout = 20000 });
        await page.Locator(".edit-name input").FillAsync("");
        await BrowserFixture.ConfirmThroughAsync(page, page.Locator("#edit-save"), "保存");
        await Assertions.Expect(page.Locator(".mud-input-error", new() { HasText = "请填写考评任务名称" }).First).ToBeVisibleAsync();
        await BrowserFixture.ScreenshotAsync(page, "35-campaign-edit-error");
        await page.Locator(".edit-name input").FillAsync("更正演练（已改名）");
        await BrowserFixture.ConfirmThroughAsync(page, page.Locator("#edit-save"), "保存");
        await page.WaitForURLAsync($"{fixture.BaseUrl}/campaigns/{campaign}");
        await Assertions.Expect(page.Locator("h5", new() { HasText = "更正演练（已改名）" })).ToBeVisibleAsync();
        var audit = await (await fixture.Factory.ClientAsAsync("admin")).GetJsonAsync($"/api/campaigns/{campaign}/audit");
        Assert.Contains(audit.EnumerateArray(), e => e.GetProperty("kind").GetString() == "edited"
            && e.GetProperty("after").GetString()!.Contains("更正演练（已改名）"));
    }

    [Theory]
    [InlineData(1366)]
    [InlineData(820)]
    public async Task ASheet_KeepsItsExportsAndShortcuts_AndShowsOnlyDeductedItems(int width)
    {
        // 鄢陵县's published sheet keeps its deductions: no other test of the collection scores it
        var yanling = await fixture.Factory.SheetIdAsync("鄢陵县");
        var page = await fixture.SignedInPageAsync("admin", width);
        await page.GotoAsync($"{fixture.BaseUrl}/sheets/{yanling}");
        await page.WaitForSelectorAsync("#sheet-header[data-interactive=true]", new PageWaitForSelectorOptions { Timeout = 20000 });

        await Assertions.Expect(page.Locator("#print-pdf")).ToBeVisibleAsync();
        await Assertions.Expect(page.Locator(".sheet-categories .cat-score").First).ToBeVisibleAsync();
        await Assertions.Expect(page.Locator("[data-testid=progress]")).ToContainTextAsync("/ 43 项");
        var all = await page.Locator(".item-card").CountAsync();
        await page.Locator("#only-deducted").CheckAsync();
        await Assertions.Expect(page.Locator(".item-card").First).ToHaveClassAsync(new System.Text.RegularExpressions.Regex("item-deducted"));
        Assert.True(await page.Locator(".item-card").CountAsync() < all);
        Assert.Equal(await page.Locator(".item-card").CountAsync(), await page.Locator(".item-card.item-deducted").CountAsync());
        var scrollWidth = await page.EvaluateAsync<int>("document.documentElement.scrollWidth");
        Assert.True(scrollWidth <= width, $"the sheet is {scrollWidth}px wide on a {width}px screen");
        await BrowserFixture.ScreenshotAsync(page, $"36-sheet-deducted-{width}");

        await page.EmulateMediaAsync(new PageEmulateMediaOptions { Media = Media.Print });
        await Assertions.Expect(page.Locator(".mud-appbar")).ToBeHiddenAsync();
        await Assertions.Expect(page.Locator("#sheet-actions")).ToBeHiddenAsync();
        await BrowserFixture.ScreenshotAsync(page, $"37-sheet-print-{width}");

        await page.EmulateMediaAsync(new PageEmulateMediaOptions { Media = Media.Screen });
        await page.GotoAsync($"{fixture.BaseUrl}/campaigns/1");
        await page.WaitForSelectorAsync(".page-content[data-interactive=true] #board", new PageWaitForSelectorOptions { Timeout = 20000 });
        var boardWidth = await page.EvaluateAsync<int>("document.documentElement.scrollWidth");
        Assert.True(boardWidth <= width, $"the board is {boardWidth}px wide on a {width}px screen");
        await BrowserFixture.ScreenshotAsync(page, $"38-board-{width}");
    }
}
