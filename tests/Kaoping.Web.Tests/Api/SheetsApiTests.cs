using System.Net;
using System.Net.Http.Json;
using Kaoping.Data;
using Microsoft.EntityFrameworkCore;

namespace Kaoping.Web.Tests.Api;

public class SheetsApiTests
{
    private static async Task<(int Version, int Findings)> StateOf(KaopingFactory factory, int sheet) =>
        await factory.WithDbAsync(async db => (
            await db.Sheets.Where(s => s.Id == sheet).Select(s => s.Version).SingleAsync(),
            await db.SheetFindings.CountAsync(f => f.SheetId == sheet)));

    [Theory]
    [MemberData(nameof(Databases.All), MemberType = typeof(Databases))]
    public async Task Get_TheTeamsSheet_GivesFindingsScoreAndETag(DatabaseProvider provider)
    {
        using var factory = new KaopingFactory(provider);
        var client = await factory.ClientAsAsync("assessor1");
        var changge = await factory.SheetIdAsync("长葛市");

        var response = await client.GetAsync($"/api/sheets/{changge}", TestContext.Current.CancellationToken);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.NotNull(response.Headers.ETag);
        var json = await response.JsonAsync();
        Assert.Equal("长葛市", json.GetProperty("target").GetString());
        Assert.True(json.GetProperty("canEdit").GetBoolean());
        Assert.Equal(38.5m, json.GetProperty("score").GetProperty("score").GetDecimal());
        Assert.Equal(3, json.GetProperty("findings").GetArrayLength());
        Assert.Equal("政府常务会全年研究安全生产3次", json.GetProperty("remarks").GetProperty("1.1.2").GetString());
    }

    [Theory]
    [MemberData(nameof(Databases.All), MemberType = typeof(Databases))]
    public async Task Put_WithTheCurrentETag_RescoresAndGivesANewETag(DatabaseProvider provider)
    {
        using var factory = new KaopingFactory(provider);
        var client = await factory.ClientAsAsync("assessor1");
        var yuzhou = await factory.SheetIdAsync("禹州市");
        var etag = (await client.GetAsync($"/api/sheets/{yuzhou}", TestContext.Current.CancellationToken)).Headers.ETag!.ToString();

        var response = await client.PutFindingsAsync(yuzhou, "1.1.2", etag, new
        {
            findings = new object[] { new { clause = 1, count = 3 } },
            remark = "党委常委会3次，政府常务会2次",
        });

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.NotEqual(etag, response.Headers.ETag!.ToString());
        var json = await response.JsonAsync();
        Assert.Equal(39m, json.GetProperty("score").GetProperty("score").GetDecimal());
        var item = json.GetProperty("score").GetProperty("categories")[0].GetProperty("subcategories")[0].GetProperty("items")[1];
        Assert.Equal("少3次，扣1.5分；已扣完此项分值（1分）", item.GetProperty("reason").GetString());
        var again = await (await client.GetAsync($"/api/sheets/{yuzhou}", TestContext.Current.CancellationToken)).JsonAsync();
        Assert.Equal(39m, again.GetProperty("score").GetProperty("score").GetDecimal());
        Assert.Equal("党委常委会3次，政府常务会2次", again.GetProperty("remarks").GetProperty("1.1.2").GetString());
    }

    [Theory]
    [MemberData(nameof(Databases.All), MemberType = typeof(Databases))]
    public async Task Put_WithAStaleETag_Is412AndChangesNothing(DatabaseProvider provider)
    {
        using var factory = new KaopingFactory(provider);
        var first = await factory.ClientAsAsync("assessor1");
        var second = await factory.ClientAsAsync("assessor3");
        var yuzhou = await factory.SheetIdAsync("禹州市");
        var etag = (await first.GetAsync($"/api/sheets/{yuzhou}", TestContext.Current.CancellationToken)).Headers.ETag!.ToString();
        Assert.Equal(HttpStatusCode.OK, (await second.PutFindingsAsync(yuzhou, "1.1.3", etag, new { findings = new[] { new { clause = 1 } } })).StatusCode);
        var before = await StateOf(factory, yuzhou);

        var response = await first.PutFindingsAsync(yuzhou, "1.1.3", etag, new { findings = Array.Empty<object>() });

        Assert.Equal(HttpStatusCode.PreconditionFailed, response.StatusCode);
        Assert.Contains("已被他人修改", await response.Content.ReadAsStringAsync(TestContext.Current.CancellationToken));
        Assert.Equal(before, await StateOf(factory, yuzhou));
    }

    [Fact]
    public async Task Put_WithoutIfMatch_Is428()
    {
        using var factory = new KaopingFactory(DatabaseProvider.Sqlite);
        var client = await factory.ClientAsAsync("assessor1");
        var yuzhou = await factory.SheetIdAsync("禹州市");
        var before = await StateOf(factory, yuzhou);

        var response = await client.PutFindingsAsync(yuzhou, "1.1.3", null, new { findings = new[] { new { clause = 1 } } });

        Assert.Equal((HttpStatusCode)428, response.StatusCode);
        Assert.Equal(before, await StateOf(factory, yuzhou));
    }

    public static TheoryData<string, string, string> BadFindings => new()
    {
        { "9.9.9", """{"findings":[{"clause":1}]}""", "没有考评项目“9.9.9”" },
        { "1.1.x", """{"findings":[{"clause":1}]}""", "不是考评项目编号" },
        { "1.1.2", """{"findings":[{"clause":2}]}""", "只有1个扣分条款，没有第2条" },
        { "1.1.2", """{"findings":[{"clause":1,"count":-1}]}""", "次数应是0或正整数" },
        { "1.1.2", """{"findings":[{"clause":1,"count":1.5}]}""", "次数应是0或正整数" },
        { "1.1.3", """{"findings":[{"clause":1,"count":2}]}""", "一次性扣分条款" },
        { "4.6.1", """{"findings":[{"deduction":0.5}]}""", "必须写明原因" },
        { "4.6.1", """{"findings":[{"deduction":-0.5,"reason":"x"}]}""", "应大于0" },
        { "1.1.2", """{"findings":[{"clause":1},{"clause":1}]}""", "重复出现" },
    };

    [Theory]
    [MemberData(nameof(BadFindings))]
    public async Task Put_BadFindings_Is400AndChangesNothing(string item, string body, string message)
    {
        using var factory = new KaopingFactory(DatabaseProvider.Sqlite);
        var client = await factory.ClientAsAsync("assessor1");
        var yuzhou = await factory.SheetIdAsync("禹州市");
        var before = await StateOf(factory, yuzhou);
        var request = new HttpRequestMessage(HttpMethod.Put, $"/api/sheets/{yuzhou}/items/{item}/findings")
        {
            Content = new StringContent(body, System.Text.Encoding.UTF8, "application/json"),
        };
        request.Headers.TryAddWithoutValidation("If-Match", $"\"v{before.Version}\"");

        var response = await client.SendAsync(request, TestContext.Current.CancellationToken);

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Contains(message, await response.Content.ReadAsStringAsync(TestContext.Current.CancellationToken));
        Assert.Equal(before, await StateOf(factory, yuzhou));
    }

    [Theory]
    [MemberData(nameof(Databases.All), MemberType = typeof(Databases))]
    public async Task ForgedIds_AcrossRoles_AreRefusedAndChangeNothing(DatabaseProvider provider)
    {
        using var factory = new KaopingFactory(provider);
        var yuzhou = await factory.SheetIdAsync("禹州市");
        var weidu = await factory.SheetIdAsync("魏都区");
        var changge = await factory.ClientAsAsync("changge");
        var assessor2 = await factory.ClientAsAsync("assessor2");
        var reporter = await factory.ClientAsAsync("yuzhou");
        var leader = await factory.ClientAsAsync("leader");
        var admin = await factory.ClientAsAsync("admin");
        var assessor1 = await factory.ClientAsAsync("assessor1");
        var weiduBefore = await StateOf(factory, weidu);
        var yuzhouBefore = await StateOf(factory, yuzhou);
        var body = new { findings = new[] { new { clause = 1 } } };

        // a reporter reading or changing another target's sheet
        Assert.Equal(HttpStatusCode.NotFound, (await changge.GetAsync($"/api/sheets/{yuzhou}", TestContext.Current.CancellationToken)).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await changge.PutFindingsAsync(yuzhou, "1.1.3", "\"v1\"", body)).StatusCode);
        // an assessor changing a sheet outside their team
        Assert.Equal(HttpStatusCode.NotFound, (await assessor2.GetAsync($"/api/sheets/{yuzhou}", TestContext.Current.CancellationToken)).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await assessor2.PutFindingsAsync(yuzhou, "1.1.3", "\"v1\"", body)).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await assessor1.PutFindingsAsync(weidu, "1.1.3", $"\"v{weiduBefore.Version}\"", body)).StatusCode);
        // those who may read but not score
        Assert.Equal(HttpStatusCode.OK, (await reporter.GetAsync($"/api/sheets/{yuzhou}", TestContext.Current.CancellationToken)).StatusCode);
        // the reporter fills the self-assessment, but not while the team assesses
        Assert.Equal(HttpStatusCode.Conflict, (await reporter.PutFindingsAsync(yuzhou, "1.1.3", $"\"v{yuzhouBefore.Version}\"", body)).StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, (await leader.PutFindingsAsync(yuzhou, "1.1.3", "\"v1\"", body)).StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, (await admin.PutFindingsAsync(yuzhou, "1.1.3", "\"v1\"", body)).StatusCode);
        // a sheet that does not exist looks the same as one that is not yours
        Assert.Equal(HttpStatusCode.NotFound, (await assessor1.GetAsync("/api/sheets/99999", TestContext.Current.CancellationToken)).StatusCode);

        Assert.Equal(yuzhouBefore, await StateOf(factory, yuzhou));
        Assert.Equal(weiduBefore, await StateOf(factory, weidu));
    }

    [Fact]
    public async Task Export_GivesTheWordSheetToThoseWhoMaySeeIt()
    {
        using var factory = new KaopingFactory(DatabaseProvider.Sqlite);
        var yuzhou = await factory.SheetIdAsync("禹州市");
        var assessor = await factory.ClientAsAsync("assessor1");
        var changge = await factory.ClientAsAsync("changge");

        var response = await assessor.GetAsync($"/api/sheets/{yuzhou}/export?format=docx", TestContext.Current.CancellationToken);
        var refused = await changge.GetAsync($"/api/sheets/{yuzhou}/export?format=docx", TestContext.Current.CancellationToken);
        var pdf = await assessor.GetAsync($"/api/sheets/{yuzhou}/export?format=pdf", TestContext.Current.CancellationToken);
        var odt = await assessor.GetAsync($"/api/sheets/{yuzhou}/export?format=odt", TestContext.Current.CancellationToken);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("application/vnd.openxmlformats-officedocument.wordprocessingml.document", response.Content.Headers.ContentType?.MediaType);
        var bytes = await response.Content.ReadAsByteArrayAsync(TestContext.Current.CancellationToken);
        Assert.Equal((byte)'P', bytes[0]);
        Assert.Equal(HttpStatusCode.NotFound, refused.StatusCode);
        Assert.Equal(HttpStatusCode.OK, pdf.StatusCode);
        Assert.Equal("application/pdf", pdf.Content.Headers.ContentType?.MediaType);
        Assert.Equal(HttpStatusCode.BadRequest, odt.StatusCode);
    }
}

public class SheetTransitionsApiTests
{
    private static Task<HttpResponseMessage> Move(HttpClient client, int sheet, string action, string? comment = null) =>
        client.PostAsJsonAsync($"/api/sheets/{sheet}/transitions", new { action, comment }, TestContext.Current.CancellationToken);

    [Theory]
    [MemberData(nameof(Databases.All), MemberType = typeof(Databases))]
    public async Task TheTeamSubmits_TheOfficeReturnsThenReviewsApprovesPublishes(DatabaseProvider provider)
    {
        using var factory = new KaopingFactory(provider);
        var yuzhou = await factory.SheetIdAsync("禹州市");
        var assessor = await factory.ClientAsAsync("assessor1");
        var admin = await factory.ClientAsAsync("admin");

        var before = await (await assessor.GetAsync($"/api/sheets/{yuzhou}", TestContext.Current.CancellationToken)).JsonAsync();
        Assert.Equal(["submitAssessment"], before.GetProperty("actions").EnumerateArray().Select(a => a.GetString()));

        Assert.Equal(HttpStatusCode.OK, (await Move(assessor, yuzhou, "submitAssessment")).StatusCode);
        var noComment = await Move(admin, yuzhou, "returnForRevision");
        Assert.Equal(HttpStatusCode.BadRequest, noComment.StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await Move(admin, yuzhou, "returnForRevision", "1.1.2 的会议次数请核实")).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await Move(assessor, yuzhou, "submitAssessment")).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await Move(admin, yuzhou, "review")).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await Move(admin, yuzhou, "approve")).StatusCode);
        var published = await (await Move(admin, yuzhou, "publish")).JsonAsync();

        Assert.Equal("published", published.GetProperty("state").GetString());
        // the demo's self-assessment took three steps before the six of this test
        var steps = await factory.WithDbAsync(db => db.SheetTransitions.Where(t => t.SheetId == yuzhou).OrderBy(t => t.Id).Select(t => new { t.Action,
            t.Comment, t.By }).ToListAsync());
        Assert.Equal(9, steps.Count);
        Assert.Equal("1.1.2 的会议次数请核实", steps[4].Comment);
        Assert.Equal("admin", steps[4].By);
        Assert.Equal(9, await factory.WithDbAsync(db => db.SheetAudit.CountAsync(e => e.SheetId == yuzhou && e.Kind == Campaigns.AuditKind.Transition)));
    }

    [Fact]
    public async Task RefusedActions_Are403Or409AndChangeNothing()
    {
        using var factory = new KaopingFactory(DatabaseProvider.Sqlite);
        var yuzhou = await factory.SheetIdAsync("禹州市");
        var reporter = await factory.ClientAsAsync("yuzhou");
        var admin = await factory.ClientAsAsync("admin");
        var assessor = await factory.ClientAsAsync("assessor1");
        var changge = await factory.ClientAsAsync("changge");
        var transitions = await factory.WithDbAsync(db => db.SheetTransitions.CountAsync());

        Assert.Equal(HttpStatusCode.Forbidden, (await Move(reporter, yuzhou, "submitAssessment")).StatusCode);
        Assert.Equal(HttpStatusCode.Conflict, (await Move(admin, yuzhou, "publish")).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await Move(changge, yuzhou, "submitAssessment")).StatusCode);
        Assert.Equal(HttpStatusCode.BadRequest, (await Move(assessor, yuzhou, "fly")).StatusCode);
        Assert.Equal("Assessing", await factory.WithDbAsync(db => db.Sheets.Where(s => s.Id == yuzhou).Select(s => s.State.ToString()).SingleAsync()));
        Assert.Equal(transitions, await factory.WithDbAsync(db => db.SheetTransitions.CountAsync()));
    }

    [Fact]
    public async Task Findings_OutsideTheAssessment_Are409()
    {
        using var factory = new KaopingFactory(DatabaseProvider.Sqlite);
        var yuzhou = await factory.SheetIdAsync("禹州市");
        var assessor = await factory.ClientAsAsync("assessor1");
        var submitted = await Move(assessor, yuzhou, "submitAssessment");
        var etag = submitted.Headers.ETag!.ToString();

        var response = await assessor.PutFindingsAsync(yuzhou, "1.1.3", etag, new { findings = new[] { new { clause = 1 } } });

        Assert.Equal(HttpStatusCode.Conflict, response.StatusCode);
        Assert.Equal(0, await factory.WithDbAsync(db => db.SheetFindings.CountAsync(f => f.SheetId == yuzhou && f.Side == Campaigns.FindingSide.Team)));
    }
}
