using System.Net.Http.Headers;
using Kaoping.Web.Tests.Api;
using Microsoft.EntityFrameworkCore;
using Microsoft.Playwright;

namespace Kaoping.Web.Tests.Browser;

/// <summary>The rubric library on the page: a second import of a stored rubric is offered the stored one; archive and restore.</summary>
[Collection(BrowserCollection.Name)]
public class RubricLibraryBrowserTests(BrowserFixture fixture)
{
    private static CancellationToken Cancel => TestContext.Current.CancellationToken;

    [Fact]
    public async Task ImportingTheBuiltInRubricAgain_ShowsTheStoredOne_AndCannotSaveIt()
    {
        var source = await fixture.Factory.WithDbAsync(db => db.Rubrics.OrderBy(r => r.Id).Select(r => r.SourceText).FirstAsync(Cancel));
        var file = Path.Combine(Path.GetTempPath(), $"kaoping-{Guid.NewGuid():N}-细则.txt");
        await File.WriteAllTextAsync(file, source, Cancel);
        var page = await fixture.SignedInPageAsync("admin");

        await page.GotoAsync($"{fixture.BaseUrl}/rubrics/import");
        await page.WaitForSelectorAsync(".page-content[data-interactive=true]");
        await page.SetInputFilesAsync("#rubric-file", file);

        await Assertions.Expect(page.Locator("#import-identical")).ToContainTextAsync("细则库中已有内容完全相同的考评细则");
        await Assertions.Expect(page.Locator("#save-rubric")).ToBeDisabledAsync();
        await BrowserFixture.ScreenshotAsync(page, "30-rubric-identical");
        await page.Locator("#open-identical").ClickAsync();
        await page.WaitForURLAsync(u => u.EndsWith("/rubrics/1", StringComparison.Ordinal));
        File.Delete(file);
    }

    [Fact]
    public async Task TheOffice_ArchivesARubric_WhichThenHidesUntilAskedFor_AndRestoresIt()
    {
        var admin = await fixture.Factory.ClientAsAsync("admin");
        var text = (await File.ReadAllTextAsync(Path.Combine(AppContext.BaseDirectory, "unseen", "township-2019.txt"), Cancel))
            .Replace("乡镇", "浏览器测试乡镇", StringComparison.Ordinal);
        var content = new ByteArrayContent(System.Text.Encoding.UTF8.GetBytes(text));
        content.Headers.ContentType = new MediaTypeHeaderValue("text/plain");
        var response = await admin.PostAsync("/api/rubrics", new MultipartFormDataContent { { content, "file", "archive-test.txt" } }, Cancel);
        var id = (await response.JsonAsync()).GetProperty("id").GetInt32();

        foreach (var width in new[] { 1366, 820 })
        {
            var page = await fixture.SignedInPageAsync("admin", width);
            await page.GotoAsync($"{fixture.BaseUrl}/rubrics");
            await page.WaitForSelectorAsync(".page-content[data-interactive=true]");
            var row = page.Locator("#rubric-list tr", new() { Has = page.Locator($".archive-{id}") });
            await Assertions.Expect(row).ToContainTextAsync("未使用");
            await Assertions.Expect(page.Locator("#rubric-list")).ToContainTextAsync("个考评使用中");
            await row.Locator($".archive-{id}").ClickAsync();

            await Assertions.Expect(row).ToHaveCountAsync(0);
            await page.Locator("#show-archived").ClickAsync();
            await Assertions.Expect(row).ToContainTextAsync("已归档");
            await BrowserFixture.ScreenshotAsync(page, $"31-rubric-archived-{width}");
            await row.Locator($".archive-{id}").ClickAsync();
            await Assertions.Expect(row).Not.ToContainTextAsync("已归档");
        }
        var stored = await fixture.Factory.WithDbAsync(db => db.Rubrics.SingleAsync(r => r.Id == id, Cancel));
        Assert.Null(stored.ArchivedAt);
    }
}
