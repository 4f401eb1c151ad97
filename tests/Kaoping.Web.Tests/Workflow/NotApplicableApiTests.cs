using System.Net;
using System.Net.Http.Json;
using DocumentFormat.OpenXml.Packaging;
using Kaoping.Campaigns;
using Kaoping.Data;
using Kaoping.Web.Tests.Api;
using Microsoft.EntityFrameworkCore;

namespace Kaoping.Web.Tests.Workflow;

/// <summary>
/// 不涉及 on a sheet: the team marks an item with the reason, a finding on it is refused naming it, the mark is undone;
/// audited, exported, counted in the results.
/// </summary>
public class NotApplicableApiTests
{
    private static CancellationToken Cancel => TestContext.Current.CancellationToken;

    private const string Reason = "本市无非煤矿山企业";

    private static Task<HttpResponseMessage> MarkAsync(HttpClient client, int sheet, string item, string? etag, object body)
    {
        var request = new HttpRequestMessage(HttpMethod.Put, $"/api/sheets/{sheet}/items/{item}/not-applicable") { Content = JsonContent.Create(body) };
        if (etag is not null)
            request.Headers.TryAddWithoutValidation("If-Match", etag);
        return client.SendAsync(request, Cancel);
    }

    private static Task<HttpResponseMessage> ClearAsync(HttpClient client, int sheet, string item, string etag)
    {
        var request = new HttpRequestMessage(HttpMethod.Delete, $"/api/sheets/{sheet}/items/{item}/not-applicable");
        request.Headers.TryAddWithoutValidation("If-Match", etag);
        return client.SendAsync(request, Cancel);
    }

    private static async Task<string> ETagAsync(HttpClient client, int sheet) =>
        (await client.GetAsync($"/api/sheets/{sheet}", Cancel)).Headers.ETag!.ToString();

    private static Task<int> VersionAsync(KaopingFactory factory, int sheet) =>
        factory.WithDbAsync(db => db.Sheets.Where(s => s.Id == sheet).Select(s => s.Version).SingleAsync(Cancel));

    [Theory]
    [MemberData(nameof(Databases.All), MemberType = typeof(Databases))]
    public async Task Mark_RefusesAFindingNamingTheItem_AndUndo_LetsItBeScoredAgain(DatabaseProvider provider)
    {
        using var factory = new KaopingFactory(provider);
        var assessor = await factory.ClientAsAsync("assessor1");
        var yuzhou = await factory.SheetIdAsync("禹州市");
        var version = await VersionAsync(factory, yuzhou);

        var marked = await MarkAsync(assessor, yuzhou, "1.1.2", await ETagAsync(assessor, yuzhou), new { reason = Reason });

        Assert.Equal(HttpStatusCode.OK, marked.StatusCode);
        Assert.Equal(version + 1, await VersionAsync(factory, yuzhou));
        var json = await marked.JsonAsync();
        Assert.Equal(Reason, json.GetProperty("notApplicable").GetProperty("1.1.2").GetString());
        Assert.Equal(40m, json.GetProperty("score").GetProperty("score").GetDecimal()); // 不涉及的不扣分: the item keeps its point

        var finding = await assessor.PutFindingsAsync(yuzhou, "1.1.2", marked.Headers.ETag!.ToString(),
            new { findings = new object[] { new { clause = 1, count = 1 } } });
        Assert.Equal(HttpStatusCode.Conflict, finding.StatusCode);
        Assert.Contains("考评项目1.1.2已标为不涉及，不能扣分", (await finding.JsonAsync()).GetProperty("detail").GetString());
        Assert.Equal(version + 1, await VersionAsync(factory, yuzhou));

        var audit = await (await assessor.GetAsync($"/api/sheets/{yuzhou}/audit", Cancel)).JsonAsync();
        var entry = audit.EnumerateArray().Last();
        Assert.Equal("notApplicable", entry.GetProperty("kind").GetString());
        Assert.Equal("不涉及", entry.GetProperty("kindName").GetString());
        Assert.Equal("1.1.2", entry.GetProperty("item").GetString());
        Assert.Equal("不涉及：" + Reason, entry.GetProperty("after").GetString());
        Assert.Equal(Reason, entry.GetProperty("why").GetString());

        var cleared = await ClearAsync(assessor, yuzhou, "1.1.2", marked.Headers.ETag!.ToString());
        Assert.Equal(HttpStatusCode.OK, cleared.StatusCode);
        Assert.Equal(version + 2, await VersionAsync(factory, yuzhou));
        Assert.Empty((await cleared.JsonAsync()).GetProperty("notApplicable").EnumerateObject());
        var scored = await assessor.PutFindingsAsync(yuzhou, "1.1.2", cleared.Headers.ETag!.ToString(),
            new { findings = new object[] { new { clause = 1, count = 1 } } });
        Assert.Equal(HttpStatusCode.OK, scored.StatusCode);
        var undone = (await (await assessor.GetAsync($"/api/sheets/{yuzhou}/audit", Cancel)).JsonAsync()).EnumerateArray()
            .Last(e => e.GetProperty("kind").GetString() == "notApplicable");
        Assert.Equal("不涉及：" + Reason, undone.GetProperty("before").GetString());
        Assert.Equal("取消不涉及", undone.GetProperty("why").GetString());
    }

    [Theory]
    [MemberData(nameof(Databases.All), MemberType = typeof(Databases))]
    public async Task Mark_WithoutAReason_OnAnItemWithDeductions_StaleOrByOthers_IsRefused_AndChangesNothing(DatabaseProvider provider)
    {
        using var factory = new KaopingFactory(provider);
        var assessor = await factory.ClientAsAsync("assessor1");
        var changge = await factory.SheetIdAsync("长葛市");
        var etag = await ETagAsync(assessor, changge);
        var version = await VersionAsync(factory, changge);

        var noReason = await MarkAsync(assessor, changge, "1.1.3", etag, new { reason = "  " });
        var deducted = await MarkAsync(assessor, changge, "1.1.2", etag, new { reason = Reason });
        var stale = await MarkAsync(assessor, changge, "1.1.3", "\"v1\"", new { reason = Reason });
        var noIfMatch = await MarkAsync(assessor, changge, "1.1.3", null, new { reason = Reason });
        var unknown = await MarkAsync(assessor, changge, "9.9.9", etag, new { reason = Reason });
        var reporter = await MarkAsync(await factory.ClientAsAsync("changge"), changge, "1.1.3", etag, new { reason = Reason });
        var leader = await MarkAsync(await factory.ClientAsAsync("leader"), changge, "1.1.3", etag, new { reason = Reason });

        Assert.Equal(HttpStatusCode.BadRequest, noReason.StatusCode);
        Assert.Contains("请写明考评项目1.1.3不涉及的理由", (await noReason.JsonAsync()).GetProperty("errors").GetProperty("reason")[0].GetString());
        Assert.Equal(HttpStatusCode.Conflict, deducted.StatusCode);
        Assert.Contains("考评项目1.1.2已有扣分", (await deducted.JsonAsync()).GetProperty("detail").GetString());
        Assert.Equal(HttpStatusCode.PreconditionFailed, stale.StatusCode);
        Assert.Equal(HttpStatusCode.PreconditionRequired, noIfMatch.StatusCode);
        Assert.Equal(HttpStatusCode.BadRequest, unknown.StatusCode);
        Assert.True(reporter.StatusCode is HttpStatusCode.Conflict or HttpStatusCode.Forbidden, reporter.StatusCode.ToString());
        Assert.True(leader.StatusCode is HttpStatusCode.Forbidden or HttpStatusCode.NotFound, leader.StatusCode.ToString());
        Assert.Equal(version, await VersionAsync(factory, changge));
        Assert.Equal(0, await factory.WithDbAsync(db => db.SheetNotApplicable.CountAsync(Cancel)));
    }

    [Theory]
    [MemberData(nameof(Databases.All), MemberType = typeof(Databases))]
    public async Task Exports_SayNotApplicable_WithTheReason_AndTheResultKeepsTheItemsPoints(DatabaseProvider provider)
    {
        using var factory = new KaopingFactory(provider);
        var assessor = await factory.ClientAsAsync("assessor1");
        var changge = await factory.SheetIdAsync("长葛市");
        var before = (await (await assessor.GetAsync($"/api/sheets/{changge}", Cancel)).JsonAsync()).GetProperty("score");
        var lost = before.GetProperty("categories")[3].GetProperty("subcategories")[1].GetProperty("items")[0].GetProperty("deduction").GetDecimal();
        Assert.True(lost > 0);
        // 4.2.1 had a deduction: taken back, then the item is marked not applicable
        var cleared = await assessor.PutFindingsAsync(changge, "4.2.1", await ETagAsync(assessor, changge), new { findings = Array.Empty<object>() });
        var marked = await MarkAsync(assessor, changge, "4.2.1", cleared.Headers.ETag!.ToString(), new { reason = Reason });
        Assert.Equal(HttpStatusCode.OK, marked.StatusCode);
        var sheetScore = (await marked.JsonAsync()).GetProperty("score").GetProperty("score").GetDecimal();

        var xlsx = await assessor.GetByteArrayAsync($"/api/sheets/{changge}/export?format=xlsx", Cancel);
        using (var book = SpreadsheetDocument.Open(new MemoryStream(xlsx), false))
        {
            var cells = book.WorkbookPart!.WorksheetParts.Single().Worksheet!.Descendants<DocumentFormat.OpenXml.Spreadsheet.Cell>().Select(c => c.InnerText);
            Assert.Contains("不涉及：" + Reason, cells);
        }
        var docx = await assessor.GetByteArrayAsync($"/api/sheets/{changge}/export?format=docx", Cancel);
        using (var word = WordprocessingDocument.Open(new MemoryStream(docx), false))
            Assert.Contains("不涉及：" + Reason, word.MainDocumentPart!.Document!.Body!.InnerText);
        Assert.Equal(HttpStatusCode.OK, (await assessor.GetAsync($"/api/sheets/{changge}/export?format=pdf", Cancel)).StatusCode);
        // every filled sheet in one archive: 长葛市's says it, the others do not
        var zip = await (await factory.ClientAsAsync("admin")).GetByteArrayAsync("/api/campaigns/1/reports/sheets.zip", Cancel);
        using (var archive = new System.IO.Compression.ZipArchive(new MemoryStream(zip)))
        {
            foreach (var entry in archive.Entries)
            {
                using var copy = new MemoryStream();
                using (var stream = entry.Open())
                    stream.CopyTo(copy);
                using var book = SpreadsheetDocument.Open(copy, false);
                var cells = book.WorkbookPart!.WorksheetParts.Single().Worksheet!.Descendants<DocumentFormat.OpenXml.Spreadsheet.Cell>()
                    .Select(c => c.InnerText);
                Assert.Equal(entry.Name.StartsWith("长葛市", StringComparison.Ordinal), cells.Contains("不涉及：" + Reason));
            }
        }

        await factory.WithDbAsync(db => db.Sheets.ExecuteUpdateAsync(s => s.SetProperty(x => x.State, SheetState.Approved), Cancel));
        var results = await (await (await factory.ClientAsAsync("admin")).GetAsync("/api/campaigns/1/results", Cancel)).JsonAsync();
        var row = results.GetProperty("ranking").EnumerateArray().Single(r => r.GetProperty("target").GetString() == "长葛市");
        // the demo's scheme rescales its 40-point part: earned ÷ applicable points × 40, rounded once to 2 decimals
        var points = before.GetProperty("categories")[3].GetProperty("subcategories")[1].GetProperty("items")[0].GetProperty("points").GetDecimal();
        var work = row.GetProperty("parts").EnumerateArray().Single(p => p.GetProperty("key").GetString() == "work").GetProperty("score").GetDecimal();
        Assert.Equal(Math.Round((sheetScore - points) / (40 - points) * 40, 2, MidpointRounding.AwayFromZero), work);
        Assert.Equal(before.GetProperty("score").GetDecimal() + lost, sheetScore);
    }
}
