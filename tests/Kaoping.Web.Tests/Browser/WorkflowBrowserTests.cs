using Kaoping.Campaigns;
using Kaoping.Rubrics;
using Kaoping.Scoring;
using Kaoping.Web.Tests.Workflow;
using Microsoft.EntityFrameworkCore;
using Microsoft.Playwright;

namespace Kaoping.Web.Tests.Browser;

/// <summary>One sheet through the whole workflow with three users, and two assessors on one sheet at once.</summary>
[Collection(BrowserCollection.Name)]
public class WorkflowBrowserTests(BrowserFixture fixture)
{
    private static readonly LocatorAssertionsToHaveTextOptions s_wait = new() { Timeout = 10000 };

    private static async Task OpenAsync(IPage page, string url)
    {
        await page.GotoAsync(url);
        await page.WaitForSelectorAsync("#sheet-header[data-interactive=true]", new PageWaitForSelectorOptions { Timeout = 20000 });
    }

    private static async Task ActAsync(IPage page, string action, string? comment = null)
    {
        if (comment is not null)
            await page.Locator(".comment-field input").FillAsync(comment);
        try
        {
            await page.Locator($"#sheet-actions [data-action={action}]").ClickAsync(new LocatorClickOptions { Timeout = 10000 });
            if (action is "SubmitSelfAssessment" or "SubmitAssessment" or "Publish" or "SkipSelfAssessment")
                await BrowserFixture.ConfirmAsync(page);
        }
        catch (TimeoutException)
        {
            await BrowserFixture.ScreenshotAsync(page, "failed-" + action);
            throw;
        }
    }

    private static Task ExpectStateAsync(IPage page, string state) =>
        Assertions.Expect(page.Locator(".sheet-meta")).ToContainTextAsync(state, new LocatorAssertionsToContainTextOptions { Timeout = 10000 });

    [Fact]
    public async Task OneSheet_WalksTheWholeWorkflow_WithAReturnAndAnAmendedAppeal()
    {
        var admin = await fixture.Factory.ClientAsAsync("admin");
        var appealDue = DateTime.UtcNow.AddDays(30).ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture);
        var sheet = await WorkflowMatrixTests.CreateCampaignAsync(fixture.Factory, admin, selfAssessment: true, appealDue);
        var url = $"{fixture.BaseUrl}/sheets/{sheet}";
        var pdf = Path.Combine(Path.GetTempPath(), $"会议纪要-{Guid.NewGuid():N}.pdf");
        await File.WriteAllBytesAsync(pdf, EvidenceApiTests.Pdf(), TestContext.Current.CancellationToken);

        // 填报员: the self-assessment, with evidence
        var reporter = await fixture.SignedInPageAsync("yuzhou");
        await OpenAsync(reporter, url);
        await Assertions.Expect(reporter.Locator(".sheet-total .total-label")).ToHaveTextAsync("自评得分");
        await reporter.Locator("[data-key='1.1.3'] input[type=checkbox]").First.CheckAsync();
        await Assertions.Expect(reporter.Locator("#sheet-total .total-score")).ToHaveTextAsync("39", s_wait);
        await reporter.Locator("[data-key='1.1.3'] input[type=file]").SetInputFilesAsync(pdf);
        await Assertions.Expect(reporter.Locator("[data-key='1.1.3'] .evidence-name")).ToHaveTextAsync(Path.GetFileName(pdf), s_wait);
        await reporter.Locator("[data-key='1.1.3']").ScrollIntoViewIfNeededAsync();
        await BrowserFixture.ScreenshotAsync(reporter, "20-self-assessment");
        await ActAsync(reporter, "SubmitSelfAssessment");
        await ExpectStateAsync(reporter, "自评已提交");

        // 考评员: sends the self-assessment back with a comment, then, once resubmitted, scores beside it
        var assessor = await fixture.SignedInPageAsync("assessor1");
        await OpenAsync(assessor, url);
        await ActAsync(assessor, "ReturnSelfAssessment", "请补充1.1.3的佐证材料说明");
        await ExpectStateAsync(assessor, "自评中");
        await OpenAsync(reporter, url);
        await Assertions.Expect(reporter.Locator("[data-testid=return-comment]")).ToContainTextAsync("请补充1.1.3的佐证材料说明");
        await BrowserFixture.ScreenshotAsync(reporter, "21-self-assessment-returned");
        await ActAsync(reporter, "SubmitSelfAssessment");
        await ExpectStateAsync(reporter, "自评已提交");
        await OpenAsync(assessor, url);
        await ActAsync(assessor, "StartAssessment");
        await ExpectStateAsync(assessor, "考评中");
        await assessor.Locator("[data-key='1.1.3'] input[type=checkbox]").First.CheckAsync();
        var count = assessor.Locator("[data-key='1.1.2'] .item-inputs > .clause-input .count-field input").First;
        await count.FillAsync("2");
        await count.PressAsync("Tab");
        await Assertions.Expect(assessor.Locator("#sheet-total .total-score")).ToHaveTextAsync("38", s_wait);
        await Assertions.Expect(assessor.Locator("[data-key='1.1.2'] [data-testid=differs]")).ToBeVisibleAsync();
        await Assertions.Expect(assessor.Locator("[data-key='1.1.3'] [data-testid=differs]")).ToHaveCountAsync(0);
        await Assertions.Expect(assessor.Locator("[data-testid=self-total]")).ToContainTextAsync("自评 39 · 1项不一致");
        await assessor.Locator("[data-key='1.1.2']").ScrollIntoViewIfNeededAsync();
        await BrowserFixture.ScreenshotAsync(assessor, "22-assessment-beside-self");
        await ActAsync(assessor, "SubmitAssessment");
        await ExpectStateAsync(assessor, "考评已提交");

        // 管理员: returns for revision; the team resubmits; review, approval, publication
        var office = await fixture.SignedInPageAsync("admin");
        await OpenAsync(office, url);
        await ActAsync(office, "ReturnForRevision", "1.1.2 请核对会议纪要次数");
        await ExpectStateAsync(office, "考评中");
        await OpenAsync(assessor, url);
        await Assertions.Expect(assessor.Locator("[data-testid=return-comment]")).ToContainTextAsync("1.1.2 请核对会议纪要次数");
        await ActAsync(assessor, "SubmitAssessment");
        await ExpectStateAsync(assessor, "考评已提交");
        await OpenAsync(office, url);
        await ActAsync(office, "Review");
        await ExpectStateAsync(office, "已复核");
        await ActAsync(office, "Approve");
        await ExpectStateAsync(office, "已审定");
        await ActAsync(office, "Publish");
        await ExpectStateAsync(office, "已公示");

        // 填报员: sees the published score and appeals 1.1.2
        await OpenAsync(reporter, url);
        await Assertions.Expect(reporter.Locator("#sheet-total .total-score")).ToHaveTextAsync("38", s_wait);
        var item = reporter.Locator("[data-key='1.1.2']");
        await item.Locator(".appeal-reason textarea").First.FillAsync("全年常务会研究安全生产4次，少1次而非2次，见会议纪要");
        await item.Locator("[data-testid=file-appeal]").ClickAsync();
        await Assertions.Expect(item.Locator(".appeal")).ToContainTextAsync("待处理", new LocatorAssertionsToContainTextOptions { Timeout = 10000 });
        await item.ScrollIntoViewIfNeededAsync();
        await BrowserFixture.ScreenshotAsync(reporter, "23-appeal-filed");

        // 管理员: amends the deduction to one meeting missing; the published sheet is re-scored
        await OpenAsync(office, url);
        var decide = office.Locator("[data-key='1.1.2'] .appeal-decide");
        await decide.Locator(".count-field input").First.FillAsync("1");
        await decide.Locator(".count-field input").First.PressAsync("Tab");
        await decide.Locator(".decision-comment input").FillAsync("经核对会议纪要，少1次，改正为扣0.5分");
        await decide.Locator("[data-testid=amend]").ClickAsync();
        await Assertions.Expect(office.Locator("#sheet-total .total-score")).ToHaveTextAsync("38.5", s_wait);
        await Assertions.Expect(office.Locator("[data-key='1.1.2'] .appeal")).ToContainTextAsync("已改正");
        await office.Locator("[data-key='1.1.2']").ScrollIntoViewIfNeededAsync();
        await BrowserFixture.ScreenshotAsync(office, "24-appeal-amended");
        await office.Locator("[data-testid=audit-toggle]").ClickAsync();
        await Assertions.Expect(office.Locator("#audit tbody tr").First).ToContainTextAsync("处理申诉",
            new LocatorAssertionsToContainTextOptions { Timeout = 10000 });
        await office.Locator("#audit").ScrollIntoViewIfNeededAsync();
        await BrowserFixture.ScreenshotAsync(office, "25-history");

        await OpenAsync(reporter, url);
        await Assertions.Expect(reporter.Locator("#sheet-total .total-score")).ToHaveTextAsync("38.5", s_wait);
        await Assertions.Expect(reporter.Locator("[data-key='1.1.2'] .appeal-decision")).ToContainTextAsync("改正为扣0.5分");
        File.Delete(pdf);
    }

    [Fact]
    public async Task TwoAssessors_OnOneSheet_SeeEachOthersChanges_AndAConflictIsTold()
    {
        var admin = await fixture.Factory.ClientAsAsync("admin");
        var sheet = await WorkflowMatrixTests.CreateCampaignAsync(fixture.Factory, admin, selfAssessment: false, team: ["assessor1", "assessor3"]);
        Assert.True((await WorkflowMatrixTests.MoveAsync(admin, sheet, "startAssessment")).IsSuccessStatusCode);
        var url = $"{fixture.BaseUrl}/sheets/{sheet}";
        var a = await fixture.SignedInPageAsync("assessor1");
        var b = await fixture.SignedInPageAsync("assessor3");
        await OpenAsync(a, url);
        await OpenAsync(b, url);

        // A's change appears on B's page without a reload, and B's on A's
        var watch = System.Diagnostics.Stopwatch.StartNew();
        await a.Locator("[data-key='1.1.3'] input[type=checkbox]").First.CheckAsync();
        await b.WaitForFunctionAsync("() => document.querySelector('#sheet-total .total-score')?.textContent === '39'", null,
            new PageWaitForFunctionOptions { Timeout = 2000 });
        // not a timed assertion: the figure is kept for the notes (click on A to text on B, polled every animation frame)
        await File.AppendAllTextAsync(Path.Combine(BrowserFixture.ScreenshotDirectory, "coediting-latency.txt"),
            $"{DateTime.UtcNow:O} A's click to B's page: {watch.ElapsedMilliseconds} ms\n", TestContext.Current.CancellationToken);
        await Assertions.Expect(b.Locator("[data-key='1.1.3'] input[type=checkbox]").First).ToBeCheckedAsync();
        await b.Locator("[data-key='1.1.4'] input[type=checkbox]").First.CheckAsync();
        await Assertions.Expect(a.Locator("#sheet-total .total-score")).ToHaveTextAsync("38.5", new LocatorAssertionsToHaveTextOptions { Timeout = 2000 });
        await Assertions.Expect(b.Locator("#sheet-total .total-score")).ToHaveTextAsync("38.5");
        await BrowserFixture.ScreenshotAsync(b, "26-coediting");

        // Someone changes 1.1.2 and B has not heard of it yet: B's own change of 1.1.2 is refused and the current value shown
        await fixture.Factory.WithDbAsync(async db =>
        {
            var stored = await db.Sheets.Include(s => s.Findings).Include(s => s.Remarks).SingleAsync(s => s.Id == sheet);
            stored.ReplaceItem(FindingSide.Team, new ItemKey(1, 1, 2), [new ClauseFinding(new ItemKey(1, 1, 2), 1, 1)], null, "assessor1",
                DateTimeOffset.UtcNow);
            return await db.SaveChangesAsync();
        });
        var count = b.Locator("[data-key='1.1.2'] .count-field input").First;
        await count.FillAsync("2");
        await count.PressAsync("Tab");
        await Assertions.Expect(b.Locator(".mud-snackbar",
            new() { HasText = "您的修改未保存" })).ToBeVisibleAsync(new LocatorAssertionsToBeVisibleOptions { Timeout = 10000 });
        await Assertions.Expect(count).ToHaveValueAsync("1");
        await Assertions.Expect(b.Locator("#sheet-total .total-score")).ToHaveTextAsync("38");
        await BrowserFixture.ScreenshotAsync(b, "27-coediting-conflict");
        var stored = await fixture.Factory.WithDbAsync(db => db.SheetFindings.Where(f => f.SheetId == sheet && f.ItemKey == new Kaoping.Rubrics.ItemKey(1, 1,
            2)).Select(f => f.Count).ToListAsync());
        Assert.Equal([1], stored);
    }
}

/// <summary>Evidence on the sheet page: images shown as thumbnails, PDFs previewed in the page, a file too large refused.</summary>
[Collection(BrowserCollection.Name)]
public class EvidenceBrowserTests(BrowserFixture fixture)
{
    [Fact]
    public async Task Evidence_IsPreviewedInThePage_AndAnOversizedFileIsRefused()
    {
        var admin = await fixture.Factory.ClientAsAsync("admin");
        var sheet = await WorkflowMatrixTests.CreateCampaignAsync(fixture.Factory, admin, selfAssessment: false);
        Assert.True((await WorkflowMatrixTests.MoveAsync(admin, sheet, "startAssessment")).IsSuccessStatusCode);
        var folder = Directory.CreateTempSubdirectory("kaoping-evidence-");
        var png = Path.Combine(folder.FullName, "现场照片.png");
        var pdf = Path.Combine(folder.FullName, "整改报告.pdf");
        var big = Path.Combine(folder.FullName, "台账扫描件.pdf");
        await File.WriteAllBytesAsync(png, Convert.FromBase64String(
            "iVBORw0KGgoAAAANSUhEUgAAABAAAAAQCAIAAACQkWg2AAAAGklEQVR42mP8z8Dwn4EIwMRAJGAcVThcFAIAZ+0DHQbaE9kAAAAASUVORK5CYII="),
                TestContext.Current.CancellationToken);
        await File.WriteAllBytesAsync(pdf, EvidenceApiTests.Pdf("Rectification report"), TestContext.Current.CancellationToken);
        var bigBytes = new byte[21 * 1024 * 1024];
        EvidenceApiTests.Pdf().CopyTo(bigBytes, 0);
        await File.WriteAllBytesAsync(big, bigBytes, TestContext.Current.CancellationToken);

        var page = await fixture.SignedInPageAsync("assessor1");
        await page.GotoAsync($"{fixture.BaseUrl}/sheets/{sheet}");
        await page.WaitForSelectorAsync("#sheet-header[data-interactive=true]", new PageWaitForSelectorOptions { Timeout = 20000 });
        var item = page.Locator("[data-key='4.3.1']");
        await item.Locator("input[type=file]").SetInputFilesAsync(png);
        await Assertions.Expect(item.Locator(".evidence-thumb")).ToBeVisibleAsync(new LocatorAssertionsToBeVisibleOptions { Timeout = 10000 });
        await item.Locator("input[type=file]").SetInputFilesAsync(pdf);
        await Assertions.Expect(item.Locator(".evidence-file")).ToHaveCountAsync(2, new LocatorAssertionsToHaveCountOptions { Timeout = 10000 });
        await item.GetByRole(AriaRole.Button, new() { Name = "预览" }).ClickAsync();
        await Assertions.Expect(item.Locator("iframe.evidence-pdf")).ToBeVisibleAsync();

        var loaded = await item.Locator(".evidence-thumb").EvaluateAsync<int>("img => img.naturalWidth");
        Assert.Equal(16, loaded);
        await item.ScrollIntoViewIfNeededAsync();
        await BrowserFixture.ScreenshotAsync(page, "28-evidence-preview");

        await item.Locator("input[type=file]").SetInputFilesAsync(big);
        await Assertions.Expect(page.Locator(".mud-snackbar",
            new() { HasText = "文件超过20 MB的上限" })).ToBeVisibleAsync(new LocatorAssertionsToBeVisibleOptions { Timeout = 10000 });
        await Assertions.Expect(item.Locator(".evidence-file")).ToHaveCountAsync(2);
        folder.Delete(recursive: true);

        var office = await fixture.SignedInPageAsync("admin");
        await office.GotoAsync($"{fixture.BaseUrl}/campaigns/1");
        await office.WaitForSelectorAsync("#board");
        await Assertions.Expect(office.Locator("#board tr", new() { HasText = "东城区" }).Locator("[data-testid=due]")).ToContainTextAsync("逾期7天");
        await BrowserFixture.ScreenshotAsync(office, "29-board-office");
    }
}
