using Microsoft.Playwright;

namespace Kaoping.Web.Tests.Browser;

/// <summary>
/// The office writes a scheme with the form — a wrong field is named there with the Core's message, nothing saved — and
/// the demo campaign's results page shows its 60-point accident part beside the 40-point rubric.
/// </summary>
[Collection(BrowserCollection.Name)]
public class SchemeBrowserTests(BrowserFixture fixture)
{
    [Fact]
    public async Task TheForm_NamesAWrongField_ThenSavesTheScheme()
    {
        var page = await fixture.SignedInPageAsync("admin", width: 1366, height: 1100);
        await page.GotoAsync(fixture.BaseUrl + "/schemes/new");
        await page.WaitForSelectorAsync(".page-content[data-interactive=true]", new PageWaitForSelectorOptions { Timeout = 20000 });

        await page.Locator("#scheme-title-input").FillAsync("2019年度安全生产考核方案（表单）");
        await page.Locator("#add-accident-part").ClickAsync();
        await Assertions.Expect(page.Locator("[data-testid=part]").First).ToContainTextAsync("事故统计");
        await page.Locator("#add-common-vetoes").ClickAsync();
        await Assertions.Expect(page.Locator("[data-testid=veto]")).ToHaveCountAsync(3);
        await page.Locator("#save-scheme").ClickAsync();

        // the accident part has no rubric yet: the Core's message, at that field
        var accident = page.Locator("[data-testid=part]").First;
        await Assertions.Expect(accident).ToContainTextAsync("第1个部分（accidents）：缺少考评细则（rubric）");
        await BrowserFixture.ScreenshotAsync(page, "scheme-form-error-1366");

        await ChooseAsync(page, accident.Locator(".part-rubric"), "生产安全事故控制指标考评细则");
        await page.Locator("#save-scheme").ClickAsync();

        await page.WaitForURLAsync(u => u.Contains("/schemes/", StringComparison.Ordinal) && !u.EndsWith("/new", StringComparison.Ordinal));
        await Assertions.Expect(page.Locator("#scheme-title")).ToContainTextAsync("2019年度安全生产考核方案（表单）（满分100分）");
        await Assertions.Expect(page.Locator("#scheme-parts")).ToContainTextAsync("事故统计");
        await Assertions.Expect(page.Locator("#scheme-vetoes")).ToContainTextAsync("瞒报、谎报生产安全事故（concealed）");
        await Assertions.Expect(page.Locator("#scheme-grades")).ToContainTextAsync("优秀≥90（名额30%）");
        await BrowserFixture.ScreenshotAsync(page, "scheme-saved-1366");
    }

    /// <summary>
    /// Opens a MudSelect by its input (not the middle of the whole field, which an error text below makes taller), chooses an
    /// option and waits until the field shows it. MudSelect closes its list (a call to the browser) before it takes the value:
    /// a click on 保存 sent in between is handled first and finds nothing chosen.
    /// </summary>
    internal static async Task ChooseAsync(IPage page, ILocator select, string option)
    {
        await select.Locator(".mud-input").First.ClickAsync();
        await page.Locator(".mud-popover-open .mud-list-item", new PageLocatorOptions { HasText = option }).ClickAsync();
        // the chosen item is drawn in the field's slot (its input holds the bare value)
        await Assertions.Expect(select.Locator("div.mud-input-slot.mud-select-input")).ToContainTextAsync(option);
    }

    [Theory]
    [InlineData(1366, "results-accidents-1366")]
    [InlineData(820, "results-accidents-820")]
    public async Task TheResultsPage_ShowsTheAccidentPart(int width, string screenshot)
    {
        var page = await fixture.SignedInPageAsync("admin", width: width, height: 1000);
        await page.GotoAsync(fixture.BaseUrl + "/campaigns/1/results");

        var table = page.Locator("#results");
        await Assertions.Expect(table).ToContainTextAsync("事故控制指标（60）");
        await Assertions.Expect(table).ToContainTextAsync("安全生产工作（40）");
        var ranked = page.Locator("[data-testid=ranked]", new PageLocatorOptions { HasText = "鄢陵县" });
        await Assertions.Expect(ranked).ToContainTextAsync("98.5");
        await BrowserFixture.ScreenshotAsync(page, screenshot);

        await page.Locator("#accidents-link").ClickAsync();
        await Assertions.Expect(page.Locator("[data-testid=accident-row][data-target=禹州市]")).ToBeVisibleAsync();
        await BrowserFixture.ScreenshotAsync(page, screenshot.Replace("results", "statistics", StringComparison.Ordinal));
    }
}
