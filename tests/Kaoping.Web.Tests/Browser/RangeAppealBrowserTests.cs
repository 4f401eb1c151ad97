using System.IO.Compression;
using System.Net;
using System.Net.Http.Json;
using Kaoping.Web.Tests.Api;
using Kaoping.Web.Tests.Workflow;
using Microsoft.Playwright;

namespace Kaoping.Web.Tests.Browser;

/// <summary>An appeal on a deduction made within a range (酌情扣分), amended by the office to another amount.</summary>
[Collection(BrowserCollection.Name)]
public class RangeAppealBrowserTests(BrowserFixture fixture)
{
    private static CancellationToken Cancel => TestContext.Current.CancellationToken;

    [Fact]
    public async Task TheOffice_AmendsARangeDeduction_ToAnotherAmountWithItsReason()
    {
        var admin = await fixture.Factory.ClientAsAsync("admin");
        var rubric = await ImportAsync(admin);
        var appealDue = DateTime.UtcNow.AddDays(30).ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture);
        var sheet = await WorkflowMatrixTests.CreateCampaignAsync(fixture.Factory, admin, selfAssessment: false, appealDue, rubricId: rubric);
        var assessor = await fixture.Factory.ClientAsAsync("assessor1");
        Assert.True((await WorkflowMatrixTests.MoveAsync(assessor, sheet, "startAssessment")).IsSuccessStatusCode);
        var etag = (await assessor.GetAsync($"/api/sheets/{sheet}", Cancel)).Headers.ETag!.ToString();
        var put = await assessor.PutFindingsAsync(sheet, "1.1.1", etag, new { findings = new[] { new { clause = 1, deduction = 1m, reason = "台账不全" } } });
        Assert.Equal(HttpStatusCode.OK, put.StatusCode);
        Assert.True((await WorkflowMatrixTests.MoveAsync(assessor, sheet, "submitAssessment")).IsSuccessStatusCode);
        foreach (var action in new[] { "review", "approve", "publish" })
            Assert.True((await WorkflowMatrixTests.MoveAsync(admin, sheet, action)).IsSuccessStatusCode, action);
        var reporter = await fixture.Factory.ClientAsAsync("yuzhou");
        var appeal = await reporter.PostAsJsonAsync($"/api/sheets/{sheet}/appeals", new { item = "1.1.1", reason = "台账已补齐，见附件" }, Cancel);
        Assert.Equal(HttpStatusCode.Created, appeal.StatusCode);

        var office = await fixture.SignedInPageAsync("admin");
        await office.GotoAsync($"{fixture.BaseUrl}/sheets/{sheet}");
        await office.WaitForSelectorAsync("#sheet-header[data-interactive=true]", new PageWaitForSelectorOptions { Timeout = 20000 });
        await Assertions.Expect(office.Locator("#sheet-total .total-score")).ToHaveTextAsync("1");
        var decide = office.Locator("[data-key='1.1.1'] .appeal-decide");
        var range = decide.Locator("[data-range='1']");
        await Assertions.Expect(range).ToContainTextAsync("扣1分（0.5～1）：台账不全");
        await range.Locator(".count-field input").FillAsync("0.5");
        await range.Locator(".reason-field input").FillAsync("台账大部分已补齐");
        await range.Locator("button:has-text('扣分')").ClickAsync();
        await Assertions.Expect(range).ToContainTextAsync("扣0.5分（0.5～1）：台账大部分已补齐");
        await decide.Locator(".decision-comment input").FillAsync("经核对台账，改正为扣0.5分");
        await decide.Locator("[data-testid=amend]").ClickAsync();

        await Assertions.Expect(office.Locator("#sheet-total .total-score")).ToHaveTextAsync("1.5", new() { Timeout = 10000 });
        await Assertions.Expect(office.Locator("[data-key='1.1.1'] .appeal")).ToContainTextAsync("已改正");
        await office.Locator("[data-key='1.1.1']").ScrollIntoViewIfNeededAsync();
        await BrowserFixture.ScreenshotAsync(office, "26-range-appeal-amended");
        var findings = (await (await admin.GetAsync($"/api/sheets/{sheet}", Cancel)).JsonAsync()).GetProperty("findings").EnumerateArray().ToList();
        var amended = Assert.Single(findings, f => f.GetProperty("item").GetString() == "1.1.1");
        Assert.Equal(0.5m, amended.GetProperty("deduction").GetDecimal());
        Assert.Equal("台账大部分已补齐", amended.GetProperty("reason").GetString());
    }

    // A two-point rubric: 1.1.1 deducts 0.5 to 1 at the assessor's discretion, 1.1.2 per occurrence.
    private static async Task<int> ImportAsync(HttpClient admin)
    {
        const string w = "http://schemas.openxmlformats.org/wordprocessingml/2006/main";
        static string P(string text) => $"<w:p><w:r><w:t>{text}</w:t></w:r></w:p>";
        static string Row(params string[] cells) => "<w:tr>" + string.Concat(cells.Select(c => "<w:tc>" + P(c) + "</w:tc>")) + "</w:tr>";
        var body = P("附件9") + P("酌情扣分测试细则（2分）") + "<w:tbl>" + Row("指标", "类别", "考评内容及要求", "考评标准", "分值", "扣分及原因")
            + Row("一、管理（2分）", "台账（2分）", "1.建立安全生产台账", "台账不全的，酌情扣0.5～1分。", "1分", "")
            + Row("", "", "2.开展检查", "每少一次扣0.5分。", "1分", "") + "</w:tbl>";
        using var docx = new MemoryStream();
        using (var zip = new ZipArchive(docx, ZipArchiveMode.Create, leaveOpen: true))
        {
            using var writer = new StreamWriter(zip.CreateEntry("word/document.xml").Open());
            writer.Write($"<?xml version=\"1.0\" encoding=\"UTF-8\"?><w:document xmlns:w=\"{w}\"><w:body>{body}</w:body></w:document>");
        }
        var form = new MultipartFormDataContent { { new ByteArrayContent(docx.ToArray()), "file", "酌情扣分测试细则.docx" } };
        var response = await admin.PostAsync("/api/rubrics", form, Cancel);
        Assert.Equal(HttpStatusCode.Created, response.StatusCode);
        return (await response.JsonAsync()).GetProperty("id").GetInt32();
    }
}
