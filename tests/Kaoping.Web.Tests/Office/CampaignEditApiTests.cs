using System.Net;
using System.Net.Http.Json;
using Kaoping.Data;
using Kaoping.Web.Tests.Api;
using Microsoft.EntityFrameworkCore;

namespace Kaoping.Web.Tests.Office;

public class CampaignEditApiTests
{
    private static CancellationToken Cancel => TestContext.Current.CancellationToken;

    private sealed record Ids(int Team1, int Team2, string Assessor1, string Assessor2, string Assessor3, int Xiangcheng, int Dongcheng, int Chengxiang);

    private static Task<Ids> IdsAsync(KaopingFactory factory) => factory.WithDbAsync(async db =>
    {
        var teams = await db.Teams.Where(t => t.CampaignId == 1).ToDictionaryAsync(t => t.Name, t => t.Id);
        var users = await db.Users.ToDictionaryAsync(u => u.UserName!, u => u.Id);
        var targets = await db.Targets.ToDictionaryAsync(t => t.Name, t => t.Id);
        return new Ids(teams["第一考评组"], teams["第二考评组"], users["assessor1"], users["assessor2"], users["assessor3"], targets["襄城县"], targets["东城区"],
            targets["城乡一体化示范区"]);
    });

    [Theory]
    [MemberData(nameof(Databases.All), MemberType = typeof(Databases))]
    public async Task Put_EditsNameDeadlinesTeamsAndTargets_AndAuditsEachChange(DatabaseProvider provider)
    {
        using var factory = new KaopingFactory(provider);
        var admin = await factory.ClientAsAsync("admin");
        var ids = await IdsAsync(factory);
        var created = await admin.PostAsJsonAsync("/api/targets", new { name = "许昌市东城区", kind = "功能区" }, Cancel);
        var added = (await created.JsonAsync()).GetProperty("id").GetInt32();
        var today = DateOnly.FromDateTime(DateTime.UtcNow);

        var response = await admin.PutAsJsonAsync("/api/campaigns/1", new
        {
            name = "2018年度考评（修订）",
            selfAssessmentDue = today.AddDays(3), assessmentDue = today.AddDays(20), reviewDue = today.AddDays(25), approvalDue = today.AddDays(30),
            appealDue = today.AddDays(45),
            teams = new object[]
            {
                new { id = ids.Team1, name = "第一考评组", memberUserIds = new[] { ids.Assessor1, ids.Assessor3 }, targetIds = Array.Empty<int>() },
                new { id = ids.Team2, name = "第二考评组", memberUserIds = new[] { ids.Assessor2 }, targetIds = new[] { ids.Xiangcheng, ids.Dongcheng, added } },
            },
            addTargetIds = new[] { added },
            removeTargetIds = new[] { ids.Chengxiang },
        }, Cancel);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var board = await admin.BoardAsync();
        Assert.Equal(9, board.Count);
        Assert.DoesNotContain("城乡一体化示范区", board.Keys);
        Assert.Equal("selfAssessing", board["许昌市东城区"].State);
        var seen = (await (await factory.ClientAsAsync("assessor2")).BoardAsync()).Keys.Order().ToList();
        Assert.Equal(new[] { "东城区", "襄城县", "许昌市东城区" }.Order(), seen);
        var list = await admin.GetJsonAsync("/api/campaigns");
        Assert.Equal("2018年度考评（修订）", list[0].GetProperty("name").GetString());
        // the zones' self-assessment is no longer late
        Assert.Empty((await admin.GetJsonAsync("/api/campaigns/1/sheets?late=true")).EnumerateArray());
        var audit = (await admin.GetJsonAsync("/api/campaigns/1/audit")).EnumerateArray().ToList();
        Assert.Equal(["edited", "targetRemoved", "targetAdded", "teams"], audit.Select(e => e.GetProperty("kind").GetString()));
        Assert.All(audit, e => Assert.Equal("admin", e.GetProperty("by").GetString()));
        Assert.Contains("2018年度考评（修订）", audit[0].GetProperty("after").GetString());
        Assert.Equal("城乡一体化示范区", audit[1].GetProperty("before").GetString());
        Assert.Equal("许昌市东城区", audit[2].GetProperty("after").GetString());
        Assert.Contains("第二考评组（成员1人：东城区、襄城县、许昌市东城区）", audit[3].GetProperty("after").GetString());
        Assert.Equal(HttpStatusCode.Forbidden, (await (await factory.ClientAsAsync("assessor1")).GetAsync("/api/campaigns/1/audit", Cancel)).StatusCode);
    }

    [Theory]
    [MemberData(nameof(Databases.All), MemberType = typeof(Databases))]
    public async Task Put_RemovingAStartedTarget_OrWrongInput_Is400AndChangesNothing(DatabaseProvider provider)
    {
        using var factory = new KaopingFactory(provider);
        var admin = await factory.ClientAsAsync("admin");
        var ids = await IdsAsync(factory);
        var yuzhou = await factory.WithDbAsync(db => db.Targets.Where(t => t.Name == "禹州市").Select(t => t.Id).SingleAsync());
        var today = DateOnly.FromDateTime(DateTime.UtcNow);

        var started = await admin.PutAsJsonAsync("/api/campaigns/1", new { name = "改名", removeTargetIds = new[] { yuzhou } }, Cancel);
        var wrong = await admin.PutAsJsonAsync("/api/campaigns/1", new
        {
            name = " ", selfAssessmentDue = today.AddDays(9), assessmentDue = today.AddDays(2), addTargetIds = new[] { 4242, ids.Xiangcheng },
            teams = new[] { new { id = 999, name = "组", memberUserIds = new[] { ids.Assessor1 }, targetIds = new[] { ids.Xiangcheng } } },
        }, Cancel);
        var missing = await admin.PutAsJsonAsync("/api/campaigns/77", new { name = "x" }, Cancel);
        var notTheOffice = await (await factory.ClientAsAsync("leader")).PutAsJsonAsync("/api/campaigns/1", new { name = "x" }, Cancel);

        Assert.Equal(HttpStatusCode.BadRequest, started.StatusCode);
        Assert.Contains("“禹州市”的考评表已开始（考评中），不能移除", await started.Content.ReadAsStringAsync(Cancel));
        Assert.Equal(HttpStatusCode.BadRequest, wrong.StatusCode);
        var errors = (await wrong.JsonAsync()).GetProperty("errors");
        Assert.Contains("请填写考评任务名称", errors.GetProperty("name")[0].GetString());
        Assert.Contains("依次为", errors.GetProperty("deadlines")[0].GetString());
        Assert.Contains("4242", errors.GetProperty("addTargetIds")[0].GetString());
        Assert.Contains("999", errors.GetProperty("teams[0].id")[0].GetString());
        Assert.Equal(HttpStatusCode.NotFound, missing.StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, notTheOffice.StatusCode);
        var campaign = await factory.WithDbAsync(db => db.Campaigns.Include(c => c.Sheets).SingleAsync(c => c.Id == 1));
        Assert.Equal(Services.DemoData.CampaignName, campaign.Name);
        Assert.Equal(9, campaign.Sheets.Count);
        Assert.Equal(0, await factory.WithDbAsync(db => db.CampaignAudit.CountAsync()));
    }
}
