using Kaoping.Web.Tests.Api;
using Microsoft.Playwright;

namespace Kaoping.Web.Tests.Browser;

[Collection(BrowserCollection.Name)]
public class ScoringSheetBrowserTests(BrowserFixture fixture)
{
    private static async Task WaitForCircuitAsync(IPage page) =>
        await page.WaitForSelectorAsync("#sheet-header[data-interactive=true]", new PageWaitForSelectorOptions { Timeout = 20000 });

    /// <summary>Holds the page's circuit back until the returned source is set, as on a slow first start.</summary>
    private static async Task<TaskCompletionSource> HoldCircuitAsync(IPage page)
    {
        var release = new TaskCompletionSource();
        await page.RouteAsync("**/_blazor/negotiate**", async route =>
        {
            await release.Task;
            await route.ContinueAsync();
        });
        return release;
    }

    private static async Task ExpectTotalAsync(IPage page, string total) =>
        await Assertions.Expect(page.Locator("#sheet-total .total-score")).ToHaveTextAsync(total, new LocatorAssertionsToHaveTextOptions { Timeout = 10000 });

    [Fact]
    public async Task Assessor_ScoresThreeItems_SeesTheTotalChange_AndFindsItKeptAfterReload()
    {
        var yuzhou = await fixture.Factory.SheetIdAsync("禹州市");
        var page = await fixture.SignedInPageAsync("assessor1");
        await BrowserFixture.ScreenshotAsync(page, "01-home-assessor1");

        await page.GotoAsync($"{fixture.BaseUrl}/campaigns/1");
        await page.WaitForSelectorAsync("#board");
        await BrowserFixture.ScreenshotAsync(page, "02-board-assessor1");

        await page.GotoAsync($"{fixture.BaseUrl}/sheets/{yuzhou}");
        await WaitForCircuitAsync(page);
        await ExpectTotalAsync(page, "40");
        await BrowserFixture.ScreenshotAsync(page, "03-sheet-before");

        // 1.1.3: a once-clause, by its checkbox
        await page.Locator("[data-key='1.1.3'] input[type=checkbox]").First.CheckAsync();
        await ExpectTotalAsync(page, "39");

        // 1.1.2: a per-occurrence clause, by its count — 3 meetings missing, capped at the item's 1 point
        var count = page.Locator("[data-key='1.1.2'] .count-field input").First;
        await count.FillAsync("3");
        await count.PressAsync("Tab");
        await ExpectTotalAsync(page, "38");
        await Assertions.Expect(page.Locator("[data-key='1.1.2'] [data-testid=reason]")).ToHaveTextAsync("少3次，扣1.5分；已扣完此项分值（1分）");

        // 4.6.1: a manual deduction with its reason
        var item = page.Locator("[data-key='4.6.1']");
        await item.Locator(".manual-open").ClickAsync();
        await item.Locator(".manual-add .count-field input").FillAsync("0.5");
        await item.Locator(".manual-add .reason-field input").FillAsync("风险管控事项未全部录入省级平台");
        await item.Locator(".manual-add .reason-field input").PressAsync("Tab");
        await item.GetByRole(AriaRole.Button, new() { Name = "添加" }).ClickAsync();
        await ExpectTotalAsync(page, "37.5");
        await item.ScrollIntoViewIfNeededAsync();
        await BrowserFixture.ScreenshotAsync(page, "04-sheet-after-manual");

        await page.ReloadAsync();
        await WaitForCircuitAsync(page);
        await ExpectTotalAsync(page, "37.5");
        await Assertions.Expect(page.Locator("[data-key='4.6.1'] [data-testid=reason]")).ToHaveTextAsync("风险管控事项未全部录入省级平台，扣0.5分");
        await Assertions.Expect(page.Locator("[data-key='1.1.3'] input[type=checkbox]").First).ToBeCheckedAsync();
        await page.Locator("[data-key='1.1.2']").ScrollIntoViewIfNeededAsync();
        await BrowserFixture.ScreenshotAsync(page, "05-sheet-after-reload");
    }

    [Fact]
    public async Task Sheet_OnATabletSizedScreen_KeepsTheTotalInView()
    {
        var changge = await fixture.Factory.SheetIdAsync("长葛市");
        var page = await fixture.SignedInPageAsync("assessor1", 820, 1180);

        await page.GotoAsync($"{fixture.BaseUrl}/sheets/{changge}");
        await WaitForCircuitAsync(page);
        await page.Locator("[data-key='3.2.2']").ScrollIntoViewIfNeededAsync();

        await Assertions.Expect(page.Locator("#sheet-total")).ToBeInViewportAsync();
        var width = await page.EvaluateAsync<int>("document.documentElement.scrollWidth");
        Assert.True(width <= 820, $"the page is {width}px wide on an 820px screen");
        await BrowserFixture.ScreenshotAsync(page, "06-sheet-tablet");
    }

    [Fact]
    public async Task Reporter_OfChangge_CannotReachYuzhousSheet()
    {
        var yuzhou = await fixture.Factory.SheetIdAsync("禹州市");
        var page = await fixture.SignedInPageAsync("changge");

        await page.GotoAsync($"{fixture.BaseUrl}/sheets/{yuzhou}");

        await Assertions.Expect(page.Locator("#sheet-missing")).ToBeVisibleAsync();
        await Assertions.Expect(page.Locator("#sheet-total")).ToHaveCountAsync(0);
        await BrowserFixture.ScreenshotAsync(page, "07-reporter-refused");
        await page.GotoAsync($"{fixture.BaseUrl}/campaigns/1");
        await page.WaitForSelectorAsync("#board");
        var rows = await page.Locator("#board tbody tr").AllInnerTextsAsync();
        Assert.Single(rows);
        Assert.Contains("长葛市", rows[0]);
    }

    [Fact]
    public async Task Pages_OfTheOffice_Render()
    {
        var page = await fixture.SignedInPageAsync("admin");

        await page.GotoAsync($"{fixture.BaseUrl}/rubrics/1");
        await Assertions.Expect(page.Locator(".rubric-table")).ToBeVisibleAsync();
        await BrowserFixture.ScreenshotAsync(page, "08-rubric-view");
        await page.GotoAsync($"{fixture.BaseUrl}/campaigns/1");
        await page.WaitForSelectorAsync(".page-content[data-interactive=true]");
        await page.GetByRole(AriaRole.Tab, new() { Name = "排名" }).ClickAsync();
        await Assertions.Expect(page.Locator("#ranking")).ToBeVisibleAsync();
        await BrowserFixture.ScreenshotAsync(page, "09-ranking");
        await page.GotoAsync($"{fixture.BaseUrl}/rubrics/import");
        await page.WaitForSelectorAsync(".page-content[data-interactive=true]");
        await page.Locator("#rubric-file").SetInputFilesAsync(Path.Combine(AppContext.BaseDirectory, "unseen", "bad-sum.txt"));
        await Assertions.Expect(page.Locator("#import-problems")).ToContainTextAsync("街道党工委办事处领导责任");
        await Assertions.Expect(page.Locator("#save-rubric")).ToBeDisabledAsync();
        await BrowserFixture.ScreenshotAsync(page, "10-import-problems");
    }

    [Fact]
    public async Task Assessor_SubmitsTheAssessment_AndTheSheetLocks()
    {
        var xiangcheng = await fixture.Factory.SheetIdAsync("襄城县");
        var page = await fixture.SignedInPageAsync("assessor3");

        await page.GotoAsync($"{fixture.BaseUrl}/sheets/{xiangcheng}");
        await WaitForCircuitAsync(page);
        await page.Locator("#sheet-actions [data-action=SubmitAssessment]").ClickAsync();
        await BrowserFixture.ConfirmAsync(page);

        await Assertions.Expect(page.Locator(".sheet-meta")).ToContainTextAsync("考评已提交");
        await Assertions.Expect(page.Locator("[data-key='1.1.3'] input[type=checkbox]").First).ToBeDisabledAsync();
        await BrowserFixture.ScreenshotAsync(page, "12-sheet-submitted");
    }

    [Fact]
    public async Task Sheet_InEnglish_ShowsEnglishLabels()
    {
        var changge = await fixture.Factory.SheetIdAsync("长葛市");
        var page = await fixture.SignedInPageAsync("leader");

        await page.GotoAsync($"{fixture.BaseUrl}/culture?lang=en&returnUrl=/sheets/{changge}");
        await WaitForCircuitAsync(page);

        await Assertions.Expect(page.Locator(".sheet-meta")).ToContainTextAsync("Assessing");
        await Assertions.Expect(page.Locator(".sheet-meta")).ToContainTextAsync("read only");
        await Assertions.Expect(page.Locator("[data-key='1.1.2'] .item-reason")).ToContainTextAsync("Deduction and reason");
        await Assertions.Expect(page.Locator("[data-key='1.1.2'] input").First).ToBeDisabledAsync();
        await BrowserFixture.ScreenshotAsync(page, "11-sheet-english-leader");
    }

    [Fact]
    public async Task Link_FollowedBeforeThePageIsInteractive_OpensItsPage()
    {
        var yuzhou = await fixture.Factory.SheetIdAsync("禹州市");
        var page = await fixture.SignedInPageAsync("assessor1");
        // Hold the circuit back, as on a slow first start, and follow a link on the prerendered home page meanwhile.
        var release = await HoldCircuitAsync(page);
        await page.GotoAsync(fixture.BaseUrl + "/");

        var request = await page.RunAndWaitForRequestAsync(
            () => page.Locator($"a[href='/sheets/{yuzhou}']").First.ClickAsync(),
            $"{fixture.BaseUrl}/sheets/{yuzhou}");
        release.SetResult();

        // An enhanced-navigation fetch racing the circuit's start could leave the old page under the new address.
        Assert.Equal("document", request.ResourceType);
        await WaitForCircuitAsync(page);
        // The sheet's target, not its total: another test of this class may have scored 禹州市 already.
        await Assertions.Expect(page.Locator("#sheet-header .sheet-target")).ToHaveTextAsync("禹州市");
        Assert.EndsWith($"/sheets/{yuzhou}", page.Url, StringComparison.Ordinal);
    }

    [Fact]
    public async Task SheetInputs_WaitForThePageToBeInteractive()
    {
        var yuzhou = await fixture.Factory.SheetIdAsync("禹州市");
        var page = await fixture.SignedInPageAsync("assessor1");
        // Hold the circuit back, as on a slow first start: the prerendered sheet is shown, but typing there would be lost.
        var release = await HoldCircuitAsync(page);
        await page.GotoAsync($"{fixture.BaseUrl}/sheets/{yuzhou}");
        var count = page.Locator("[data-key='1.1.5'] .count-field input").First;
        await Assertions.Expect(count).ToBeDisabledAsync();
        await Assertions.Expect(page.Locator("[data-key='1.1.5'] .manual-open")).ToBeDisabledAsync();

        release.SetResult();
        await WaitForCircuitAsync(page);
        await Assertions.Expect(count).ToBeEnabledAsync();
        await Assertions.Expect(page.Locator("[data-key='1.1.5'] .manual-open")).ToBeEnabledAsync();
    }

    [Fact]
    public async Task ACountOutOfRange_ShowsTheSavedCountAgain_AndANoteIsKept()
    {
        var jianan = await fixture.Factory.SheetIdAsync("建安区");
        var page = await fixture.SignedInPageAsync("assessor2");
        await page.GotoAsync($"{fixture.BaseUrl}/sheets/{jianan}");
        await WaitForCircuitAsync(page);
        var card = page.Locator("[data-key='1.1.5']");
        var count = card.Locator(".count-field input").First;
        await count.FillAsync("2");
        await count.PressAsync("Tab");
        await Assertions.Expect(card.Locator("[data-testid=reason]")).ToContainTextAsync("2");

        // 1000 is more than a count may be and -1 is no count: nothing is saved and the field shows the saved 2 again.
        foreach (var wrong in new[] { "1000", "-1" })
        {
            await count.FillAsync(wrong);
            await count.PressAsync("Tab");
            await Assertions.Expect(count).ToHaveValueAsync("2");
        }

        var note = card.Locator(".remark-field textarea");
        await note.FillAsync("抽查3个乡镇，2个未按期开展");
        await note.PressAsync("Tab");
        await Assertions.Expect(page.Locator("#sheet-header")).ToContainTextAsync("已保存");
        await page.ReloadAsync();
        await WaitForCircuitAsync(page);
        await Assertions.Expect(count).ToHaveValueAsync("2");
        await Assertions.Expect(note).ToHaveValueAsync("抽查3个乡镇，2个未按期开展");
        await card.ScrollIntoViewIfNeededAsync();
        await BrowserFixture.ScreenshotAsync(page, "06-sheet-count-and-note");
    }

    [Fact]
    public async Task LoginPage_ShowsTheDemoUsers()
    {
        var context = await fixture.Browser.NewContextAsync();
        var page = await context.NewPageAsync();

        await page.GotoAsync(fixture.BaseUrl + "/");

        await page.WaitForURLAsync("**/account/login**");
        await Assertions.Expect(page.Locator(".demo-users")).ToContainTextAsync("assessor1");
        await BrowserFixture.ScreenshotAsync(page, "00-login");
    }
}

[CollectionDefinition(Name)]
public sealed class BrowserCollection : ICollectionFixture<BrowserFixture>
{
    public const string Name = "browser";
}
