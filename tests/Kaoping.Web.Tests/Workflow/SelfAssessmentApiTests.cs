using System.Net;
using Kaoping.Data;
using Kaoping.Web.Tests.Api;

namespace Kaoping.Web.Tests.Workflow;

public class SelfAssessmentApiTests
{
    [Theory]
    [MemberData(nameof(Databases.All), MemberType = typeof(Databases))]
    public async Task TheReporter_FillsTheSelfAssessment_AndTheTeamSeesItBesideItsOwn(DatabaseProvider provider)
    {
        using var factory = new KaopingFactory(provider);
        var admin = await factory.ClientAsAsync("admin");
        var reporter = await factory.ClientAsAsync("yuzhou");
        var assessor = await factory.ClientAsAsync("assessor1");
        var sheet = await WorkflowMatrixTests.NewSheetAsync(factory, admin, 1); // 自评中

        var etag = (await reporter.GetAsync($"/api/sheets/{sheet}", TestContext.Current.CancellationToken)).Headers.ETag!.ToString();
        var self = await reporter.PutFindingsAsync(sheet, "1.1.2", etag, new { findings = new[] { new { clause = 1, count = 1 } }, remark = "常务会少开1次" });
        Assert.Equal(HttpStatusCode.OK, self.StatusCode);
        var selfJson = await self.JsonAsync();
        Assert.Equal("self", selfJson.GetProperty("editableSide").GetString());
        Assert.Equal(39.5m, selfJson.GetProperty("selfScore").GetProperty("score").GetDecimal());
        Assert.Equal(0, selfJson.GetProperty("findings").GetArrayLength());
        // the team cannot score yet, and the reporter cannot score the team's side ever
        Assert.Equal(HttpStatusCode.Conflict, (await assessor.PutFindingsAsync(sheet, "1.1.3", self.Headers.ETag!.ToString(),
            new { findings = new[] { new { clause = 1 } } })).StatusCode);

        Assert.Equal(HttpStatusCode.OK, (await WorkflowMatrixTests.MoveAsync(reporter, sheet, "submitSelfAssessment")).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await WorkflowMatrixTests.MoveAsync(assessor, sheet, "startAssessment")).StatusCode);
        var started = await assessor.GetAsync($"/api/sheets/{sheet}", TestContext.Current.CancellationToken);
        var team = await assessor.PutFindingsAsync(sheet, "1.1.2", started.Headers.ETag!.ToString(), new { findings = new[] { new { clause = 1,
            count = 2 } } });
        var json = await team.JsonAsync();

        Assert.Equal(HttpStatusCode.OK, team.StatusCode);
        Assert.Equal("team", json.GetProperty("editableSide").GetString());
        Assert.Equal(39m, json.GetProperty("score").GetProperty("score").GetDecimal());
        Assert.Equal(39.5m, json.GetProperty("selfScore").GetProperty("score").GetDecimal());
        Assert.Equal(["1.1.2"], json.GetProperty("differences").EnumerateArray().Select(d => d.GetString()));
        Assert.Equal("常务会少开1次", json.GetProperty("selfRemarks").GetProperty("1.1.2").GetString());
        // the reporter may no longer change the self-assessment
        Assert.Equal(HttpStatusCode.Conflict, (await reporter.PutFindingsAsync(sheet, "1.1.2", team.Headers.ETag!.ToString(),
            new { findings = Array.Empty<object>() })).StatusCode);
    }

    [Fact]
    public async Task TheBoard_CountsTheItemsWhereSelfAndTeamDiffer_AndShowsWhatIsLate()
    {
        using var factory = new KaopingFactory(DatabaseProvider.Sqlite);
        var admin = await factory.ClientAsAsync("admin");

        var rows = (await (await admin.GetAsync("/api/campaigns/1/sheets", TestContext.Current.CancellationToken)).JsonAsync())
            .EnumerateArray().ToDictionary(r => r.GetProperty("target").GetString()!);

        // 禹州市 found 1.1.2 and 4.2.1 against itself (−0.5 each); its team has not deducted anything yet
        Assert.Equal(39m, rows["禹州市"].GetProperty("selfScore").GetDecimal());
        Assert.Equal(40m, rows["禹州市"].GetProperty("score").GetDecimal());
        Assert.Equal(2, rows["禹州市"].GetProperty("differences").GetInt32());
        // 长葛市 agrees with its team on 1.1.2 only
        Assert.Equal(39.5m, rows["长葛市"].GetProperty("selfScore").GetDecimal());
        Assert.Equal(2, rows["长葛市"].GetProperty("differences").GetInt32());
        // the functional zones' self-assessment was due a week ago
        Assert.Equal(7, rows["东城区"].GetProperty("daysLate").GetInt32());
        Assert.Equal("selfAssessing", rows["东城区"].GetProperty("state").GetString());
        Assert.Equal(0, rows["禹州市"].GetProperty("daysLate").GetInt32());
        // 魏都区 went straight to its team: no self-assessment to compare
        Assert.Equal(System.Text.Json.JsonValueKind.Null, rows["魏都区"].GetProperty("selfScore").ValueKind);
        Assert.Equal(0, rows["魏都区"].GetProperty("differences").GetInt32());
    }

    [Fact]
    public async Task AReporter_SeesTheTeamsScore_OnlyOncePublished()
    {
        using var factory = new KaopingFactory(DatabaseProvider.Sqlite);
        var yuzhou = await factory.ClientAsAsync("yuzhou");
        var yanling = await factory.ClientAsAsync("yanling");
        var yuzhouSheet = await factory.SheetIdAsync("禹州市");
        var yanlingSheet = await factory.SheetIdAsync("鄢陵县");

        var assessing = await (await yuzhou.GetAsync($"/api/sheets/{yuzhouSheet}", TestContext.Current.CancellationToken)).JsonAsync();
        var published = await (await yanling.GetAsync($"/api/sheets/{yanlingSheet}", TestContext.Current.CancellationToken)).JsonAsync();
        var board = await (await yuzhou.GetAsync("/api/campaigns/1/sheets", TestContext.Current.CancellationToken)).JsonAsync();

        Assert.Equal(System.Text.Json.JsonValueKind.Null, assessing.GetProperty("score").ValueKind);
        Assert.Equal(0, assessing.GetProperty("findings").GetArrayLength());
        Assert.Equal(39m, assessing.GetProperty("selfScore").GetProperty("score").GetDecimal());
        Assert.Equal(System.Text.Json.JsonValueKind.Null, board[0].GetProperty("score").ValueKind);
        Assert.Equal(3, published.GetProperty("findings").GetArrayLength());
        Assert.True(published.GetProperty("score").GetProperty("score").GetDecimal() < 40m);
        Assert.True(published.GetProperty("canAppeal").GetBoolean());
    }

    [Fact]
    public async Task AReporter_ExportsTheSelfAssessment_UntilTheResultsArePublished()
    {
        using var factory = new KaopingFactory(DatabaseProvider.Sqlite);
        var reporter = await factory.ClientAsAsync("yuzhou");
        var assessor = await factory.ClientAsAsync("assessor1");
        var yuzhou = await factory.SheetIdAsync("禹州市");

        var own = await reporter.GetAsync($"/api/sheets/{yuzhou}/export?format=xlsx", TestContext.Current.CancellationToken);
        var team = await assessor.GetAsync($"/api/sheets/{yuzhou}/export?format=xlsx", TestContext.Current.CancellationToken);

        Assert.Equal(HttpStatusCode.OK, own.StatusCode);
        Assert.Contains("自评表", own.Content.Headers.ContentDisposition?.FileNameStar);
        Assert.Contains("考评表", team.Content.Headers.ContentDisposition?.FileNameStar);
    }
}
