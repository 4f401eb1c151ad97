using System.Net;
using System.Net.Http.Json;
using Kaoping.Data;
using Kaoping.Web.Tests.Api;

namespace Kaoping.Web.Tests.Office;

public class CorrectionsApiTests
{
    private static CancellationToken Cancel => TestContext.Current.CancellationToken;

    private static Task<HttpResponseMessage> ExtendAsync(HttpClient client, int sheet, DateOnly? until, string? reason) =>
        client.PostAsJsonAsync($"/api/sheets/{sheet}/deadline", new { until, reason }, Cancel);

    [Theory]
    [MemberData(nameof(Databases.All), MemberType = typeof(Databases))]
    public async Task Extend_GivesOneSheetMoreTime_WithTheReasonInItsAuditTrail(DatabaseProvider provider)
    {
        using var factory = new KaopingFactory(provider);
        var admin = await factory.ClientAsAsync("admin");
        var sheet = await factory.SheetIdAsync("东城区");
        var other = await factory.SheetIdAsync("经济技术开发区");
        var today = factory.Services.GetService(typeof(Services.OfficeCalendar)) is Services.OfficeCalendar c ? c.Today : default;

        var response = await ExtendAsync(admin, sheet, today.AddDays(5), "区划调整，填报员刚到岗");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var json = await response.JsonAsync();
        Assert.Equal(today.AddDays(5).ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture), json.GetProperty("due").GetString());
        Assert.Equal(0, json.GetProperty("daysLate").GetInt32());
        var entry = (await admin.GetJsonAsync($"/api/sheets/{sheet}/audit")).EnumerateArray().Last();
        Assert.Equal("deadlineExtended", entry.GetProperty("kind").GetString());
        Assert.Equal(today.AddDays(-7).ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture), entry.GetProperty("before").GetString());
        Assert.Equal(today.AddDays(5).ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture), entry.GetProperty("after").GetString());
        Assert.Equal("区划调整，填报员刚到岗", entry.GetProperty("why").GetString());
        var late = (await admin.GetJsonAsync("/api/campaigns/1/sheets?late=true")).EnumerateArray().Select(r => r.GetProperty("id").GetInt32()).ToList();
        Assert.DoesNotContain(sheet, late);
        Assert.Contains(other, late);
        // no longer overdue, so the office cannot skip its self-assessment now
        var skip = await admin.PostAsJsonAsync($"/api/sheets/{sheet}/transitions", new { action = "skipSelfAssessment", comment = "无填报员" }, Cancel);
        Assert.Equal(HttpStatusCode.Conflict, skip.StatusCode);
        Assert.Contains("还没到", await skip.Content.ReadAsStringAsync(Cancel));
        var told = await (await factory.ClientAsAsync("assessor2")).NotificationsAsync();
        Assert.Contains(told, n => n.GetProperty("text").GetString()!.Contains("东城区的截止日期已延至"));
    }

    [Theory]
    [MemberData(nameof(Databases.All), MemberType = typeof(Databases))]
    public async Task Extend_IsRefused_ForOthersThanTheOffice_WithoutReason_OrToAnEarlierDay(DatabaseProvider provider)
    {
        using var factory = new KaopingFactory(provider);
        var admin = await factory.ClientAsAsync("admin");
        var assessor = await factory.ClientAsAsync("assessor2");
        var sheet = await factory.SheetIdAsync("东城区");
        var today = DateOnly.FromDateTime(DateTime.UtcNow);

        var byAssessor = await ExtendAsync(assessor, sheet, today.AddDays(5), "我们来不及");
        var noReason = await ExtendAsync(admin, sheet, today.AddDays(5), " ");
        var past = await ExtendAsync(admin, sheet, today.AddDays(-30), "补记");
        var noDay = await ExtendAsync(admin, sheet, null, "补记");
        var weidu = await factory.SheetIdAsync("魏都区");
        var earlier = await ExtendAsync(admin, weidu, today.AddDays(13), "提前");

        Assert.Equal(HttpStatusCode.Forbidden, byAssessor.StatusCode);
        Assert.Equal(HttpStatusCode.BadRequest, noReason.StatusCode);
        Assert.Contains("请写明延期理由", await noReason.Content.ReadAsStringAsync(Cancel));
        Assert.Equal(HttpStatusCode.BadRequest, past.StatusCode);
        Assert.Contains("不能早于今天", await past.Content.ReadAsStringAsync(Cancel));
        Assert.Equal(HttpStatusCode.BadRequest, noDay.StatusCode);
        Assert.Equal(HttpStatusCode.BadRequest, earlier.StatusCode);
        Assert.Contains("应晚于现在的截止日期", await earlier.Content.ReadAsStringAsync(Cancel));
        Assert.DoesNotContain((await admin.GetJsonAsync($"/api/sheets/{sheet}/audit")).EnumerateArray(),
            e => e.GetProperty("kind").GetString() == "deadlineExtended");
    }
}
