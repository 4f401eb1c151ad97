using System.Net.Http.Json;
using DocumentFormat.OpenXml.Packaging;
using Kaoping.Web.Tests.Api;
using Kaoping.Web.Tests.Office;
using Microsoft.EntityFrameworkCore;
using Microsoft.Playwright;

namespace Kaoping.Web.Tests.Browser;

/// <summary>
/// The year from end to end: the office writes a scheme with the form, a small campaign under it is assessed and
/// published, the accident statistics entered, and the results table downloaded from the results page says what the
/// scheme makes of it — ranks, parts, a veto, grades after the quota, the unfinished sheet unscored.
/// </summary>
[Collection(BrowserCollection.Name)]
public class SchemeToResultsBrowserTests(BrowserFixture fixture)
{
    private static CancellationToken Cancel => TestContext.Current.CancellationToken;

    [Fact]
    public async Task AScheme_WrittenInTheForm_ScoresACampaign_ToAPublishedResultsTable()
    {
        var page = await fixture.SignedInPageAsync("admin", width: 1366, height: 1100);
        await page.GotoAsync(fixture.BaseUrl + "/schemes/new");
        await page.WaitForSelectorAsync(".page-content[data-interactive=true]", new PageWaitForSelectorOptions { Timeout = 20000 });
        await page.Locator("#scheme-title-input").FillAsync("全程演练考核方案");
        await page.Locator("#add-accident-part").ClickAsync();
        // each step once the page shows the one before: a choice made on a row the next render moves is not the row meant
        var accident = page.Locator("[data-testid=part]").First;
        await Assertions.Expect(accident).ToContainTextAsync("事故统计");
        await page.Locator("#add-common-vetoes").ClickAsync();
        await Assertions.Expect(page.Locator("[data-testid=veto]")).ToHaveCountAsync(3);
        await SchemeBrowserTests.ChooseAsync(page, accident.Locator(".part-rubric"), "生产安全事故控制指标考评细则");
        await page.Locator("#save-scheme").ClickAsync();
        await page.WaitForURLAsync(u => u.Contains("/schemes/", StringComparison.Ordinal) && !u.EndsWith("/new", StringComparison.Ordinal));
        await Assertions.Expect(page.Locator("#scheme-vetoes")).ToContainTextAsync("瞒报、谎报生产安全事故（concealed）");
        await Assertions.Expect(page.Locator("#scheme-parts tbody tr").First).ToContainTextAsync("生产安全事故控制指标考评细则");
        var schemeId = int.Parse(page.Url[(page.Url.LastIndexOf('/') + 1)..], System.Globalization.CultureInfo.InvariantCulture);

        // 丙 no deduction; 甲 1.1.2 少1次 (−0.5); 乙 two deaths over its quota of 1 (−2 × 3); 丁 concealed; 戊 not finished
        string[] names = ["全程甲县", "全程乙县", "全程丙县", "全程丁县", "全程戊县"];
        var admin = await fixture.Factory.ClientAsAsync("admin");
        var assessor = await fixture.Factory.ClientAsAsync("assessor2");
        var assessorId = await fixture.Factory.WithDbAsync(db => db.Users.Where(u => u.UserName == "assessor2").Select(u => u.Id).SingleAsync(Cancel));
        var campaign = await CampaignAsync(admin, schemeId, assessorId, names);
        var sheets = (await admin.BoardAsync(campaign)).ToDictionary(s => s.Key, s => s.Value.Id);
        await assessor.BulkAsync("startAssessment", sheets.Values, campaign: campaign);
        var etag = (await assessor.GetAsync($"/api/sheets/{sheets["全程甲县"]}", Cancel)).Headers.ETag!.ToString();
        var finding = await assessor.PutFindingsAsync(sheets["全程甲县"], "1.1.2", etag, new { findings = new object[] { new { clause = 1, count = 1 } } });
        Assert.Equal(System.Net.HttpStatusCode.OK, finding.StatusCode);
        var done = names[..4].Select(n => sheets[n]).ToList();
        await assessor.BulkAsync("submitAssessment", done, campaign: campaign);
        foreach (var action in new[] { "review", "approve", "publish" })
            Assert.Equal(System.Net.HttpStatusCode.OK, (await admin.BulkAsync(action, done, campaign: campaign)).StatusCode);
        var targets = await fixture.Factory.WithDbAsync(db => db.Targets.Where(t => names.Contains(t.Name)).ToDictionaryAsync(t => t.Name, t => t.Id, Cancel));
        foreach (var name in names)
        {
            object figures = name switch
            {
                "全程乙县" => new { deaths = 3, deathQuota = 1 },
                "全程丁县" => new { concealed = true },
                _ => new { deaths = 0, deathQuota = 1 },
            };
            var entered = await admin.PutAsJsonAsync($"/api/campaigns/{campaign}/accidents/{targets[name]}", figures, Cancel);
            Assert.Equal(System.Net.HttpStatusCode.OK, entered.StatusCode);
        }

        await page.GotoAsync($"{fixture.BaseUrl}/campaigns/{campaign}/results");
        await Assertions.Expect(page.Locator("#results-xlsx")).ToBeVisibleAsync(new() { Timeout = 20000 });
        await Assertions.Expect(page.Locator("[data-testid=ranked]")).ToHaveCountAsync(4);
        await BrowserFixture.ScreenshotAsync(page, "scheme-to-results-1366");
        var download = await page.Context.APIRequest.GetAsync(fixture.BaseUrl + await page.Locator("#results-xlsx").GetAttributeAsync("href"));
        Assert.Equal(200, download.Status);
        using var book = SpreadsheetDocument.Open(new MemoryStream(await download.BodyAsync()), false);
        var rows = book.WorkbookPart!.WorksheetParts.Single().Worksheet!.Descendants<DocumentFormat.OpenXml.Spreadsheet.Row>()
            .Select(r => string.Join("|", r.Elements<DocumentFormat.OpenXml.Spreadsheet.Cell>().Select(c => c.InnerText))).ToList();
        Assert.Equal("名次|被考评单位|事故控制指标（60分）|安全生产工作（40分）|一票否决|总分（100分）|等次", rows[2]);
        // the quota 0.3 of 4 ranked targets holds floor(1.2) = 1: only 丙 is 优秀; the vetoed 丁 is last and 不合格 whatever its 100
        Assert.Equal("1|全程丙县|60|40|—|100|优秀", rows[3]);
        Assert.Equal("2|全程甲县|60|39.5|—|99.5|良好", rows[4]);
        Assert.Equal("3|全程乙县|54|40|—|94|良好", rows[5]);
        Assert.Equal("4|全程丁县|60|40|瞒报、谎报生产安全事故（事故统计：有瞒报、谎报）|100|不合格", rows[6]);
        Assert.Equal("—|全程戊县|未完成（考评中），不排名", rows[7]);
    }

    private static async Task<int> CampaignAsync(HttpClient admin, int schemeId, string assessor, string[] names)
    {
        var ids = new List<int>();
        foreach (var name in names)
            ids.Add((await (await admin.PostAsJsonAsync("/api/targets", new { name }, Cancel)).JsonAsync()).GetProperty("id").GetInt32());
        var created = await admin.PostAsJsonAsync("/api/campaigns", new
        {
            name = "全程演练", year = 2026, rubricId = 1, schemeId, targetIds = ids, selfAssessment = false,
            teams = new[] { new { name = "全程组", memberUserIds = new[] { assessor }, targetIds = ids } },
        }, Cancel);
        Assert.Equal(System.Net.HttpStatusCode.Created, created.StatusCode);
        return (await created.JsonAsync()).GetProperty("id").GetInt32();
    }
}
