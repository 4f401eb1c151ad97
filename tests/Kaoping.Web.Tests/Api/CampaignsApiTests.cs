using System.Net;
using System.Net.Http.Json;
using Kaoping.Data;
using Microsoft.EntityFrameworkCore;

namespace Kaoping.Web.Tests.Api;

public class CampaignsApiTests
{
    [Theory]
    [MemberData(nameof(Databases.All), MemberType = typeof(Databases))]
    public async Task Sheets_ShowEachRoleOnlyWhatIsTheirs(DatabaseProvider provider)
    {
        using var factory = new KaopingFactory(provider);

        async Task<List<(string Target, bool CanEdit)>> SheetsOf(string user)
        {
            var client = await factory.ClientAsAsync(user);
            var json = await (await client.GetAsync("/api/campaigns/1/sheets", TestContext.Current.CancellationToken)).JsonAsync();
            return [.. json.EnumerateArray().Select(s => (s.GetProperty("target").GetString()!, s.GetProperty("canEdit").GetBoolean()))];
        }

        var assessor1 = await SheetsOf("assessor1");
        var assessor2 = await SheetsOf("assessor2");
        var yuzhou = await SheetsOf("yuzhou");
        var leader = await SheetsOf("leader");
        var admin = await SheetsOf("admin");

        Assert.Equal(new[] { "禹州市", "长葛市", "鄢陵县", "襄城县" }.Order(), assessor1.Select(s => s.Target).Order());
        // 鄢陵县 is published in the demo; the team's other three sheets are open for scoring
        Assert.Equal(["禹州市", "襄城县", "长葛市"], assessor1.Where(s => s.CanEdit).Select(s => s.Target).Order());
        Assert.Equal(5, assessor2.Count);
        Assert.DoesNotContain(assessor2, s => s.Target == "禹州市");
        Assert.Equal([("禹州市", false)], yuzhou);
        Assert.Equal(9, leader.Count);
        Assert.All(leader, s => Assert.False(s.CanEdit));
        Assert.Equal(9, admin.Count);
        // in the office's order of its targets, not by the pinyin of their names
        Assert.Equal(["禹州市", "长葛市", "鄢陵县", "襄城县", "魏都区", "建安区", "城乡一体化示范区", "东城区", "经济技术开发区"], admin.Select(s => s.Target));
        Assert.Equal(["禹州市", "长葛市", "鄢陵县", "襄城县"], assessor1.Select(s => s.Target));
    }

    [Fact]
    public async Task Sheets_ScoresComeFromTheFindings()
    {
        using var factory = new KaopingFactory(DatabaseProvider.Sqlite);
        var client = await factory.ClientAsAsync("leader");

        var json = await (await client.GetAsync("/api/campaigns/1/sheets", TestContext.Current.CancellationToken)).JsonAsync();

        var scores = json.EnumerateArray().ToDictionary(s => s.GetProperty("target").GetString()!, s => s.GetProperty("score").GetDecimal());
        Assert.Equal(40m, scores["禹州市"]);
        Assert.Equal(38.5m, scores["长葛市"]); // 0.5 + 0.5 + 0.5
        Assert.Equal(38.5m, scores["魏都区"]); // 1.2.2 two meetings missing (1) and a manual 0.5
    }

    [Theory]
    [MemberData(nameof(Databases.All), MemberType = typeof(Databases))]
    public async Task Ranking_IsForTheOfficeAndLeaders(DatabaseProvider provider)
    {
        using var factory = new KaopingFactory(provider);
        var leader = await factory.ClientAsAsync("leader");
        var assessor = await factory.ClientAsAsync("assessor1");
        var reporter = await factory.ClientAsAsync("yuzhou");

        var ranking = await (await leader.GetAsync("/api/campaigns/1/ranking", TestContext.Current.CancellationToken)).JsonAsync();

        // only the published 鄢陵县 is final; the other eight are not ranked (ResultsApiTests)
        Assert.Equal(1, ranking.GetArrayLength());
        Assert.Equal(1, ranking[0].GetProperty("rank").GetInt32());
        var totals = ranking.EnumerateArray().Select(r => r.GetProperty("score").GetDecimal()).ToList();
        Assert.Equal(totals.OrderByDescending(t => t), totals);
        Assert.Equal(HttpStatusCode.Forbidden, (await assessor.GetAsync("/api/campaigns/1/ranking", TestContext.Current.CancellationToken)).StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, (await reporter.GetAsync("/api/campaigns/1/ranking", TestContext.Current.CancellationToken)).StatusCode);
    }

    [Theory]
    [MemberData(nameof(Databases.All), MemberType = typeof(Databases))]
    public async Task Post_ByTheOffice_CreatesTheCampaignWithASheetPerTarget(DatabaseProvider provider)
    {
        using var factory = new KaopingFactory(provider);
        var client = await factory.ClientAsAsync("admin");
        var (targets, assessor) = await factory.WithDbAsync(async db => (
            await db.Targets.OrderBy(t => t.Id).Select(t => t.Id).Take(3).ToListAsync(),
            await db.Users.Where(u => u.UserName == "assessor2").Select(u => u.Id).SingleAsync()));

        var response = await client.PostAsJsonAsync("/api/campaigns", new
        {
            name = "2019年度考评", year = 2019, rubricId = 1, targetIds = targets,
            teams = new[] { new { name = "第一组", memberUserIds = new[] { assessor }, targetIds = targets.Take(2) } },
        }, TestContext.Current.CancellationToken);

        Assert.Equal(HttpStatusCode.Created, response.StatusCode);
        var id = (await response.JsonAsync()).GetProperty("id").GetInt32();
        var sheets = await factory.WithDbAsync(db => db.Sheets.Where(s => s.CampaignId == id).Select(s => s.TeamId).ToListAsync());
        Assert.Equal(3, sheets.Count);
        Assert.Equal(2, sheets.Count(t => t is not null));
        var asAssessor2 = await factory.ClientAsAsync("assessor2");
        var visible = await (await asAssessor2.GetAsync($"/api/campaigns/{id}/sheets", TestContext.Current.CancellationToken)).JsonAsync();
        Assert.Equal(2, visible.GetArrayLength());
    }

    [Fact]
    public async Task Post_WithWrongInput_Is400AndCreatesNothing()
    {
        using var factory = new KaopingFactory(DatabaseProvider.Sqlite);
        var client = await factory.ClientAsAsync("admin");
        var reporter = await factory.WithDbAsync(db => db.Users.Where(u => u.UserName == "yuzhou").Select(u => u.Id).SingleAsync());

        var response = await client.PostAsJsonAsync("/api/campaigns", new
        {
            name = "", year = 2019, rubricId = 77, targetIds = new[] { 1, 999 },
            teams = new[] { new { name = "组", memberUserIds = new[] { reporter }, targetIds = new[] { 1 } } },
        }, TestContext.Current.CancellationToken);

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        var body = await response.Content.ReadAsStringAsync(TestContext.Current.CancellationToken);
        Assert.Contains("请填写考评任务名称", body);
        Assert.Contains("没有编号为77的考评细则", body);
        Assert.Contains("没有编号为999的被考评单位", body);
        Assert.Contains("考评组成员必须是考评员", body);
        Assert.Equal(1, await factory.WithDbAsync(db => db.Campaigns.CountAsync()));
    }

    [Theory]
    [InlineData("assessor1")]
    [InlineData("leader")]
    public async Task Post_ByAnyoneButTheOffice_Is403(string user)
    {
        using var factory = new KaopingFactory(DatabaseProvider.Sqlite);
        var client = await factory.ClientAsAsync(user);

        var response = await client.PostAsJsonAsync("/api/campaigns", new { name = "x", year = 2019, rubricId = 1, targetIds = new[] { 1 },
            teams = Array.Empty<object>() }, TestContext.Current.CancellationToken);

        Assert.Equal(HttpStatusCode.Forbidden, response.StatusCode);
        Assert.Equal(1, await factory.WithDbAsync(db => db.Campaigns.CountAsync()));
    }

    [Fact]
    public async Task List_ShowsAReporterTheCampaignOfTheirTarget()
    {
        using var factory = new KaopingFactory(DatabaseProvider.Sqlite);
        var client = await factory.ClientAsAsync("changge");

        var json = await (await client.GetAsync("/api/campaigns", TestContext.Current.CancellationToken)).JsonAsync();

        Assert.Equal("2018年度县（市、区）安全生产工作责任目标考评（演示）", json[0].GetProperty("name").GetString());
    }
}

public class CampaignReportsApiTests
{
    [Theory]
    [InlineData("ranking.xlsx", "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet")]
    [InlineData("deductions.xlsx", "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet")]
    [InlineData("sheets.zip", "application/zip")]
    [InlineData("ranking.docx", "application/vnd.openxmlformats-officedocument.wordprocessingml.document")]
    [InlineData("circular.docx?draft=true", "application/vnd.openxmlformats-officedocument.wordprocessingml.document")]
    public async Task Reports_AreForTheOfficeAndLeaders(string report, string type)
    {
        using var factory = new KaopingFactory(DatabaseProvider.Sqlite);
        var leader = await factory.ClientAsAsync("leader");
        var assessor = await factory.ClientAsAsync("assessor1");

        var response = await leader.GetAsync($"/api/campaigns/1/reports/{report}", TestContext.Current.CancellationToken);
        var refused = await assessor.GetAsync($"/api/campaigns/1/reports/{report}", TestContext.Current.CancellationToken);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal(type, response.Content.Headers.ContentType?.MediaType);
        Assert.True((await response.Content.ReadAsByteArrayAsync(TestContext.Current.CancellationToken)).Length > 1000);
        Assert.Equal(HttpStatusCode.Forbidden, refused.StatusCode);
    }
}

public class AdminApiTests
{
    [Theory]
    [MemberData(nameof(Databases.All), MemberType = typeof(Databases))]
    public async Task TheOffice_AddsTargets_TheSystemAdministratorUsers_OthersCannot(DatabaseProvider provider)
    {
        using var factory = new KaopingFactory(provider);
        var admin = await factory.ClientAsAsync("admin");
        var sysadmin = await factory.ClientAsAsync("sysadmin");
        var assessor = await factory.ClientAsAsync("assessor1");

        var target = await admin.PostAsJsonAsync("/api/targets", new { name = "许昌市城乡一体化示范区", kind = "功能区" }, TestContext.Current.CancellationToken);
        var targetId = (await target.JsonAsync()).GetProperty("id").GetInt32();
        var user = await sysadmin.PostAsJsonAsync("/api/users", new { userName = "shifanqu", displayName = "示范区填报员", password = "Kaoping@2019",
            role = "reporter", targetId }, TestContext.Current.CancellationToken);
        var duplicate = await admin.PostAsJsonAsync("/api/targets", new { name = "禹州市" }, TestContext.Current.CancellationToken);
        var noTarget = await sysadmin.PostAsJsonAsync("/api/users", new { userName = "x1", password = "Kaoping@2019", role = "reporter" },
            TestContext.Current.CancellationToken);
        var forbidden = await assessor.PostAsJsonAsync("/api/users", new { userName = "x2", password = "Kaoping@2019", role = "admin" },
            TestContext.Current.CancellationToken);
        var office = await admin.PostAsJsonAsync("/api/users", new { userName = "x3", password = "Kaoping@2019", role = "admin" },
            TestContext.Current.CancellationToken);
        var sysadminTarget = await sysadmin.PostAsJsonAsync("/api/targets", new { name = "另一单位" }, TestContext.Current.CancellationToken);

        Assert.Equal(HttpStatusCode.Created, target.StatusCode);
        Assert.Equal(HttpStatusCode.Created, user.StatusCode);
        Assert.Equal(HttpStatusCode.BadRequest, duplicate.StatusCode);
        Assert.Contains("已有名为“禹州市”的被考评单位", await duplicate.Content.ReadAsStringAsync(TestContext.Current.CancellationToken));
        Assert.Equal(HttpStatusCode.BadRequest, noTarget.StatusCode);
        Assert.Contains("填报员必须选择所属单位", await noTarget.Content.ReadAsStringAsync(TestContext.Current.CancellationToken));
        Assert.Equal(HttpStatusCode.Forbidden, forbidden.StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, office.StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, sysadminTarget.StatusCode);
        Assert.Equal(0, await factory.WithDbAsync(db => db.Users.CountAsync(u => u.UserName == "x1" || u.UserName == "x2" || u.UserName == "x3")));
        Assert.False(await factory.WithDbAsync(db => db.Targets.AnyAsync(t => t.Name == "另一单位")));
    }
}
