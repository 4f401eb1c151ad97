using DocumentFormat.OpenXml.Packaging;
using Kaoping.Campaigns;
using Kaoping.Data.Entities;
using Kaoping.Rubrics;
using Kaoping.Web.Tests.Api;
using Kaoping.Web.Tests.Office;
using Microsoft.EntityFrameworkCore;
using Microsoft.Playwright;

namespace Kaoping.Web.Tests.Browser;

/// <summary>不涉及 on the sheet page, the 汇总表 downloaded from the results page, and the ranking tab's shared ranks.</summary>
[Collection(BrowserCollection.Name)]
public class NotApplicableBrowserTests(BrowserFixture fixture)
{
    private const string Reason = "本区无非煤矿山企业";

    // On a campaign of its own (the browser fixture is shared: another test may move a demo sheet on first).
    [Theory]
    [InlineData(1366, "na-sheet-1366")]
    [InlineData(820, "na-sheet-820")]
    public async Task Assessor_MarksAnItemNotApplicable_SeesItOnTheCard_AndUndoesIt(int width, string screenshot)
    {
        var suffix = width.ToString(System.Globalization.CultureInfo.InvariantCulture);
        var target = "不涉及演练区" + suffix;
        var campaign = await BoardBrowserTests.CampaignAsync(fixture.Factory, "不涉及演练" + suffix, target);
        var assessor = await fixture.Factory.ClientAsAsync("assessor2");
        var sheet = (await (await fixture.Factory.ClientAsAsync("admin")).BoardAsync(campaign))[target].Id;
        var started = await (await assessor.BulkAsync("startAssessment", [sheet], campaign: campaign)).JsonAsync();
        Assert.Equal(1, started.GetProperty("done").GetInt32());
        const string item = "1.1.3";
        var page = await fixture.SignedInPageAsync("assessor2", width, 1000);

        await page.GotoAsync($"{fixture.BaseUrl}/sheets/{sheet}");
        await page.WaitForSelectorAsync("#sheet-header[data-interactive=true]", new PageWaitForSelectorOptions { Timeout = 20000 });
        var card = page.Locator($"[data-key='{item}']");
        await card.ScrollIntoViewIfNeededAsync();
        await BrowserFixture.ScreenshotAsync(page, screenshot + "-before");
        await card.GetByRole(AriaRole.Button, new() { Name = "标为不涉及" }).ClickAsync();
        await card.Locator(".item-not-applicable-form input").FillAsync(Reason);
        await card.Locator(".item-not-applicable-form input").PressAsync("Tab");
        await card.GetByRole(AriaRole.Button, new() { Name = "确定不涉及" }).ClickAsync();

        await Assertions.Expect(card.Locator("[data-testid=not-applicable-reason]")).ToHaveTextAsync(Reason, new() { Timeout = 10000 });
        await Assertions.Expect(card.Locator("[data-testid=not-applicable]")).ToContainTextAsync("不涉及");
        await Assertions.Expect(card.Locator("input[type=checkbox]")).ToHaveCountAsync(0);
        await card.ScrollIntoViewIfNeededAsync();
        await BrowserFixture.ScreenshotAsync(page, screenshot);

        await page.ReloadAsync();
        await page.WaitForSelectorAsync("#sheet-header[data-interactive=true]", new PageWaitForSelectorOptions { Timeout = 20000 });
        await Assertions.Expect(card.Locator("[data-testid=not-applicable-reason]")).ToHaveTextAsync(Reason);
        await card.GetByRole(AriaRole.Button, new() { Name = "取消不涉及" }).ClickAsync();
        await Assertions.Expect(card.Locator("[data-testid=not-applicable]")).ToHaveCountAsync(0, new() { Timeout = 10000 });
        await Assertions.Expect(card.GetByRole(AriaRole.Button, new() { Name = "标为不涉及" })).ToBeVisibleAsync();
    }

    [Fact]
    public async Task Leader_DownloadsTheResultsTable_AndTheRankingTabSharesRanks_CountingTheCampaignsUnfinishedSheets()
    {
        var campaign = await BoardBrowserTests.CampaignAsync(fixture.Factory, "并列排名演练", "甲区NA", "乙区NA", "丙区NA", "丁区NA", "戊区NA");
        // 甲 40, 乙 39, 丙 39, 丁 38.5: approved; 戊 not started
        var lost = new Dictionary<string, ItemKey[]>
        {
            ["甲区NA"] = [], ["乙区NA"] = [new(1, 1, 3)], ["丙区NA"] = [new(1, 1, 3)], ["丁区NA"] = [new(1, 1, 3), new(1, 1, 4)],
        };
        await fixture.Factory.WithDbAsync(async db =>
        {
            var sheets = await db.Sheets.Include(s => s.Target).Where(s => s.CampaignId == campaign).ToListAsync();
            foreach (var sheet in sheets.Where(s => lost.ContainsKey(s.Target!.Name)))
            {
                sheet.State = SheetState.Approved;
                var position = 0;
                foreach (var key in lost[sheet.Target!.Name])
                    db.SheetFindings.Add(new SheetFinding
                    {
                        SheetId = sheet.Id, Side = FindingSide.Team, ItemKey = key, Clause = 1, Count = 1, Position = position++,
                    });
            }
            return await db.SaveChangesAsync();
        });
        var page = await fixture.SignedInPageAsync("leader", 1366, 900);

        await page.GotoAsync($"{fixture.BaseUrl}/campaigns/{campaign}/results");
        await Assertions.Expect(page.Locator("#results-xlsx")).ToBeVisibleAsync();
        await BrowserFixture.ScreenshotAsync(page, "na-results-1366");
        var href = await page.Locator("#results-xlsx").GetAttributeAsync("href");
        var download = await page.Context.APIRequest.GetAsync(fixture.BaseUrl + href);
        Assert.Equal(200, download.Status);
        using (var book = SpreadsheetDocument.Open(new MemoryStream(await download.BodyAsync()), false))
        {
            var text = string.Join("|", book.WorkbookPart!.WorksheetParts.Single().Worksheet!.Descendants<DocumentFormat.OpenXml.Spreadsheet.Cell>()
                .Select(c => c.InnerText));
            Assert.Contains("1|甲区NA|40", text);
            Assert.Contains("2|乙区NA|39", text);
            Assert.Contains("2|丙区NA|39", text);
            Assert.Contains("4|丁区NA|38.5", text);
            Assert.Contains("戊区NA|未完成（未开始），不排名", text);
        }

        // the board filtered to approved sheets still counts the campaign's unfinished one
        await page.GotoAsync($"{fixture.BaseUrl}/campaigns/{campaign}?state=approved");
        await page.WaitForSelectorAsync(".page-content[data-interactive=true]", new PageWaitForSelectorOptions { Timeout = 20000 });
        await page.GetByRole(AriaRole.Tab, new() { Name = "排名" }).ClickAsync();
        await Assertions.Expect(page.Locator("#ranking tbody tr")).ToHaveCountAsync(4);
        var rows = await page.Locator("#ranking tbody tr").AllInnerTextsAsync();
        Assert.Equal(["1 甲区NA 40", "2 乙区NA 39", "2 丙区NA 39", "4 丁区NA 38.5"],
            rows.Select(r => string.Join(" ", r.Split(['\t', '\n'], StringSplitOptions.RemoveEmptyEntries).Take(3))));
        await Assertions.Expect(page.Locator("#ranking-unfinished")).ToContainTextAsync("1个未完成");
        await BrowserFixture.ScreenshotAsync(page, "na-ranking-1366");
        await page.SetViewportSizeAsync(820, 1000);
        await BrowserFixture.ScreenshotAsync(page, "na-ranking-820");
    }
}
