using System.Net;
using Kaoping.Data;
using Kaoping.Web.Tests.Api;
using Microsoft.EntityFrameworkCore;

namespace Kaoping.Web.Tests.Office;

public class BulkTransitionsApiTests
{
    [Theory]
    [MemberData(nameof(Databases.All), MemberType = typeof(Databases))]
    public async Task Bulk_SubmitReviewApprovePublish_MovesEachSheet_AndListsTheRefusedWithTheirReasons(DatabaseProvider provider)
    {
        using var factory = new KaopingFactory(provider);
        var admin = await factory.ClientAsAsync("admin");
        var assessor = await factory.ClientAsAsync("assessor1");
        var board = await admin.BoardAsync();
        int[] team1 = [board["禹州市"].Id, board["长葛市"].Id, board["鄢陵县"].Id, board["襄城县"].Id];

        var submitted = await (await assessor.BulkAsync("submitAssessment", team1)).JsonAsync();
        var notTheirs = await (await assessor.BulkAsync("publish", team1)).JsonAsync();
        var reviewed = await (await admin.BulkAsync("review", team1)).JsonAsync();
        var approved = await (await admin.BulkAsync("approve", team1)).JsonAsync();
        var published = await admin.BulkAsync("publish", team1);

        Assert.Equal(HttpStatusCode.OK, published.StatusCode);
        var results = (await published.JsonAsync()).GetProperty("results").EnumerateArray().ToList();
        Assert.Equal(team1, results.Select(r => r.GetProperty("sheetId").GetInt32()));
        Assert.Equal([true, true, false, true], results.Select(r => r.GetProperty("done").GetBoolean()));
        Assert.Contains("已公示", results[2].GetProperty("error").GetString());
        Assert.True(results[0].GetProperty("error").ValueKind == System.Text.Json.JsonValueKind.Null);
        foreach (var step in new[] { submitted, reviewed, approved })
            Assert.Equal(3, step.GetProperty("done").GetInt32());
        Assert.Equal(0, notTheirs.GetProperty("done").GetInt32());
        Assert.All(notTheirs.GetProperty("results").EnumerateArray(), r => Assert.Contains("您不能", r.GetProperty("error").GetString()));
        var after = await admin.BoardAsync();
        Assert.Equal(["published", "published", "published", "published"], team1.Select(id => after.Values.Single(v => v.Id == id).State));
        Assert.Equal("assessing", after["魏都区"].State);
        // each sheet moved as one sheet's action does: its transitions and audit trail, by whom
        var trail = (await admin.GetJsonAsync($"/api/sheets/{board["禹州市"].Id}/audit")).EnumerateArray().ToList();
        Assert.Equal(["提交考评", "复核通过", "审定", "公示"], trail.TakeLast(4).Select(e => e.GetProperty("why").GetString()));
        Assert.Equal("admin", trail[^1].GetProperty("by").GetString());
        // the reporters of the published sheets are told
        var told = await (await factory.ClientAsAsync("changge")).NotificationsAsync();
        Assert.Contains(told, n => n.GetProperty("kind").GetString() == "published" && n.GetProperty("text").GetString()!.Contains("长葛市"));
    }

    [Theory]
    [MemberData(nameof(Databases.All), MemberType = typeof(Databases))]
    public async Task Bulk_SkipSelfAssessment_MovesTheOverdueOnWithTheReason_AndRefusesTheRest(DatabaseProvider provider)
    {
        using var factory = new KaopingFactory(provider);
        var admin = await factory.ClientAsAsync("admin");
        var board = await admin.BoardAsync();

        var without = await (await admin.BulkAsync("skipSelfAssessment", board.Values.Select(v => v.Id))).JsonAsync();
        var response = await (await admin.BulkAsync("skipSelfAssessment", board.Values.Select(v => v.Id), "三个功能区无填报员，自评逾期7天")).JsonAsync();

        Assert.Equal(0, without.GetProperty("done").GetInt32());
        Assert.Contains(without.GetProperty("results").EnumerateArray(), r => r.GetProperty("error").GetString()!.Contains("必须写明意见"));
        Assert.Equal(3, response.GetProperty("done").GetInt32());
        Assert.Equal(6, response.GetProperty("refused").GetInt32());
        var after = await admin.BoardAsync();
        Assert.All(new[] { "城乡一体化示范区", "东城区", "经济技术开发区" }, t => Assert.Equal("assessing", after[t].State));
        var trail = (await admin.GetJsonAsync($"/api/sheets/{board["东城区"].Id}/audit")).EnumerateArray().Last();
        Assert.Equal("跳过自评：三个功能区无填报员，自评逾期7天", trail.GetProperty("why").GetString());
        Assert.Equal("自评中", trail.GetProperty("before").GetString());
        var team = await (await factory.ClientAsAsync("assessor2")).NotificationsAsync();
        Assert.Contains(team, n => n.GetProperty("text").GetString()!.Contains("东城区已转入考评"));
    }

    [Theory]
    [MemberData(nameof(Databases.All), MemberType = typeof(Databases))]
    public async Task Bulk_WithAnEmptyOrUnknownList_Is400AndChangesNothing(DatabaseProvider provider)
    {
        using var factory = new KaopingFactory(provider);
        var admin = await factory.ClientAsAsync("admin");
        var assessor2 = await factory.ClientAsAsync("assessor2");
        var board = await admin.BoardAsync();
        var versions = await factory.WithDbAsync(db => db.Sheets.OrderBy(s => s.Id).Select(s => s.Version).ToListAsync());

        var empty = await admin.BulkAsync("review", []);
        var unknown = await admin.BulkAsync("startAssessment", [board["襄城县"].Id, 99999]);
        var otherCampaign = await admin.BulkAsync("review", [board["襄城县"].Id], campaign: 77);
        var notVisible = await assessor2.BulkAsync("submitAssessment", [board["魏都区"].Id, board["禹州市"].Id]);
        var badAction = await admin.BulkAsync("finish", [board["襄城县"].Id]);

        Assert.Equal(HttpStatusCode.BadRequest, empty.StatusCode);
        Assert.Contains("请至少选择一张考评表", await empty.Content.ReadAsStringAsync(TestContext.Current.CancellationToken));
        Assert.Equal(HttpStatusCode.BadRequest, unknown.StatusCode);
        Assert.Contains("99999", await unknown.Content.ReadAsStringAsync(TestContext.Current.CancellationToken));
        Assert.Equal(HttpStatusCode.NotFound, otherCampaign.StatusCode);
        Assert.Equal(HttpStatusCode.BadRequest, notVisible.StatusCode);
        Assert.Equal(HttpStatusCode.BadRequest, badAction.StatusCode);
        Assert.Equal(versions, await factory.WithDbAsync(db => db.Sheets.OrderBy(s => s.Id).Select(s => s.Version).ToListAsync()));
    }

    [Fact]
    public async Task Bulk_WithTheSignInCookie_NeedsTheAntiforgeryToken()
    {
        using var factory = new KaopingFactory(DatabaseProvider.Sqlite);
        var client = await CookieAntiforgeryTests.SignedInByCookieAsync(factory, "admin");

        var response = await client.BulkAsync("review", [1]);

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Contains("防伪令牌", await response.Content.ReadAsStringAsync(TestContext.Current.CancellationToken));
    }
}
