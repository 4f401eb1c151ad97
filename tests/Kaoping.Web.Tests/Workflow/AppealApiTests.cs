using System.Net;
using System.Net.Http.Json;
using Kaoping.Data;
using Kaoping.Web.Tests.Api;
using Microsoft.EntityFrameworkCore;

namespace Kaoping.Web.Tests.Workflow;

public class AppealApiTests
{
    private static Task<HttpResponseMessage> AppealAsync(HttpClient client, int sheet, string item, string? reason) =>
        client.PostAsJsonAsync($"/api/sheets/{sheet}/appeals", new { item, reason }, TestContext.Current.CancellationToken);

    private static Task<HttpResponseMessage> DecideAsync(HttpClient client, int sheet, long appeal, object body) =>
        client.PostAsJsonAsync($"/api/sheets/{sheet}/appeals/{appeal}/decision", body, TestContext.Current.CancellationToken);

    [Theory]
    [MemberData(nameof(Databases.All), MemberType = typeof(Databases))]
    public async Task TheTarget_Appeals_AndTheOfficeAmends_WhichRescoresThePublishedSheet(DatabaseProvider provider)
    {
        using var factory = new KaopingFactory(provider);
        var yanling = await factory.ClientAsAsync("yanling");
        var admin = await factory.ClientAsAsync("admin");
        var sheet = await factory.SheetIdAsync("鄢陵县");
        var before = (await (await admin.GetAsync($"/api/sheets/{sheet}",
            TestContext.Current.CancellationToken)).JsonAsync()).GetProperty("score").GetProperty("score").GetDecimal();

        var filed = await AppealAsync(yanling, sheet, "2.1.1", "一般行业执法覆盖率为35%，见执法台账");

        Assert.Equal(HttpStatusCode.Created, filed.StatusCode);
        var appeal = await filed.JsonAsync();
        Assert.Equal("pending", appeal.GetProperty("status").GetString());
        Assert.Equal(1m, appeal.GetProperty("scoreBefore").GetDecimal());
        var id = appeal.GetProperty("id").GetInt64();
        Assert.Equal(HttpStatusCode.Conflict, (await AppealAsync(yanling, sheet, "2.1.1", "再次申诉")).StatusCode);
        var board = await (await admin.GetAsync("/api/campaigns/1/sheets", TestContext.Current.CancellationToken)).JsonAsync();
        Assert.Equal(1, board.EnumerateArray().Single(r => r.GetProperty("target").GetString() == "鄢陵县").GetProperty("pendingAppeals").GetInt32());

        var amended = await DecideAsync(admin, sheet, id, new { decision = "amend", comment = "经核查执法台账，覆盖率达到1/3，撤销该项扣分", findings = Array.Empty<object>() });

        Assert.Equal(HttpStatusCode.OK, amended.StatusCode);
        var json = await amended.JsonAsync();
        Assert.Equal(before + 0.5m, json.GetProperty("score").GetProperty("score").GetDecimal());
        Assert.Equal("published", json.GetProperty("state").GetString());
        var decided = json.GetProperty("appeals")[0];
        Assert.Equal("amended", decided.GetProperty("status").GetString());
        Assert.Equal(1.5m, decided.GetProperty("scoreAfter").GetDecimal());
        Assert.Equal(HttpStatusCode.Conflict, (await DecideAsync(admin, sheet, id, new { decision = "uphold", comment = "改变主意" })).StatusCode);
        var decidedBoard = await (await admin.GetAsync("/api/campaigns/1/sheets", TestContext.Current.CancellationToken)).JsonAsync();
        Assert.All(decidedBoard.EnumerateArray(), r => Assert.Equal(0, r.GetProperty("pendingAppeals").GetInt32()));
        var trail = (await (await yanling.GetAsync($"/api/sheets/{sheet}/audit", TestContext.Current.CancellationToken)).JsonAsync()).EnumerateArray().ToList();
        var decision = trail.Last();
        Assert.Equal("appealDecided", decision.GetProperty("kind").GetString());
        Assert.StartsWith("得分1：", decision.GetProperty("before").GetString());
        Assert.StartsWith("得分1.5：未扣分", decision.GetProperty("after").GetString());
        Assert.Contains("撤销该项扣分", decision.GetProperty("why").GetString());
        // the ranking follows the amended score
        var ranking = await (await admin.GetAsync("/api/campaigns/1/ranking", TestContext.Current.CancellationToken)).JsonAsync();
        Assert.Equal(before + 0.5m, ranking.EnumerateArray().Single(r => r.GetProperty("target").GetString() == "鄢陵县").GetProperty("sheetScore").GetDecimal());
    }

    [Fact]
    public async Task AppealsAndDecisions_ThatAreNotAllowed_AreRefusedAndChangeNothing()
    {
        using var factory = new KaopingFactory(DatabaseProvider.Sqlite);
        var yanling = await factory.ClientAsAsync("yanling");
        var changge = await factory.ClientAsAsync("changge");
        var yuzhou = await factory.ClientAsAsync("yuzhou");
        var assessor = await factory.ClientAsAsync("assessor1");
        var admin = await factory.ClientAsAsync("admin");
        var sheet = await factory.SheetIdAsync("鄢陵县");
        var yuzhouSheet = await factory.SheetIdAsync("禹州市");

        Assert.Equal(HttpStatusCode.NotFound, (await AppealAsync(changge, sheet, "2.1.1", "不服")).StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, (await AppealAsync(assessor, sheet, "2.1.1", "不服")).StatusCode);
        Assert.Equal(HttpStatusCode.Conflict, (await AppealAsync(yanling, sheet, "1.1.3", "未扣分的项目")).StatusCode);
        Assert.Equal(HttpStatusCode.BadRequest, (await AppealAsync(yanling, sheet, "2.1.1", " ")).StatusCode);
        Assert.Equal(HttpStatusCode.BadRequest, (await AppealAsync(yanling, sheet, "8.8.8", "不服")).StatusCode);
        Assert.Equal(HttpStatusCode.Conflict, (await AppealAsync(yuzhou, yuzhouSheet, "1.1.2", "尚未公示")).StatusCode);
        Assert.Equal(0, await factory.WithDbAsync(db => db.SheetAppeals.CountAsync()));

        var id = (await (await AppealAsync(yanling, sheet, "2.1.1", "不服")).JsonAsync()).GetProperty("id").GetInt64();
        var version = await factory.WithDbAsync(db => db.Sheets.Where(s => s.Id == sheet).Select(s => s.Version).SingleAsync());
        Assert.Equal(HttpStatusCode.Forbidden, (await DecideAsync(yanling, sheet, id, new { decision = "amend", comment = "自己改",
            findings = Array.Empty<object>() })).StatusCode);
        Assert.Equal(HttpStatusCode.BadRequest, (await DecideAsync(admin, sheet, id, new { decision = "uphold", comment = "" })).StatusCode);
        Assert.Equal(HttpStatusCode.BadRequest, (await DecideAsync(admin, sheet, id, new { decision = "maybe", comment = "?" })).StatusCode);
        Assert.Equal(HttpStatusCode.BadRequest, (await DecideAsync(admin, sheet, id, new { decision = "amend", comment = "改",
            findings = new[] { new { clause = 9 } } })).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await DecideAsync(admin, sheet, 99999, new { decision = "uphold", comment = "维持" })).StatusCode);
        Assert.Equal(version, await factory.WithDbAsync(db => db.Sheets.Where(s => s.Id == sheet).Select(s => s.Version).SingleAsync()));

        var upheld = await DecideAsync(admin, sheet, id, new { decision = "uphold", comment = "执法台账显示覆盖率27%，维持扣分" });
        Assert.Equal(HttpStatusCode.OK, upheld.StatusCode);
        Assert.Equal("upheld", (await upheld.JsonAsync()).GetProperty("appeals")[0].GetProperty("status").GetString());
    }

    [Fact]
    public async Task AfterTheAppealWindow_TheSheetIsFinal_AndNobodyChangesIt()
    {
        using var factory = new KaopingFactory(DatabaseProvider.Sqlite);
        var yanling = await factory.ClientAsAsync("yanling");
        var admin = await factory.ClientAsAsync("admin");
        var sheet = await factory.SheetIdAsync("鄢陵县");
        await factory.WithDbAsync(async db =>
        {
            var campaign = await db.Campaigns.SingleAsync(c => c.Id == 1);
            campaign.AppealDue = DateOnly.FromDateTime(DateTime.UtcNow.AddDays(-3));
            return await db.SaveChangesAsync();
        });

        var response = await AppealAsync(yanling, sheet, "2.1.1", "逾期申诉");
        var json = await (await admin.GetAsync($"/api/sheets/{sheet}", TestContext.Current.CancellationToken)).JsonAsync();

        Assert.Equal(HttpStatusCode.Conflict, response.StatusCode);
        Assert.Contains("申诉期已于", await response.Content.ReadAsStringAsync(TestContext.Current.CancellationToken));
        Assert.True(json.GetProperty("isFinal").GetBoolean());
        Assert.False(json.GetProperty("canEdit").GetBoolean());
        Assert.Equal(0, json.GetProperty("actions").GetArrayLength());
        Assert.Equal(HttpStatusCode.Conflict, (await EvidenceApiTests.UploadAsync(yanling, sheet, "2.1.1", EvidenceApiTests.Pdf(), "a.pdf")).StatusCode);
    }
}
