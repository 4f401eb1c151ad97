using System.Net;
using System.Net.Http.Json;
using System.Text;
using Kaoping.Data;
using Kaoping.Web.Tests.Api;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace Kaoping.Web.Tests.Results;

/// <summary>
/// The scheme library: a scheme's JSON is checked by the Core with its rubrics from the rubric library, refused naming
/// the field, stored with its rubrics as library:ID; a campaign is created with one and its results follow it.
/// </summary>
public class SchemesApiTests
{
    private static CancellationToken Cancel => TestContext.Current.CancellationToken;

    // samples/scheme/scheme.json as written beside its rubrics: the demo has imported accidents.txt and bonus.txt.
    internal const string Sample = """
        {"title":"2019年度考核方案","parts":[
          {"key":"accidents","name":"事故控制指标","points":60,"rubric":"accidents.txt"},
          {"key":"work","name":"安全生产工作","points":40,"rubric":"builtin:2018-county-safety-rubric","notApplicable":"rescale"}],
         "bonus":{"rubric":"bonus.txt","cap":2},
         "vetoes":[{"key":"major","name":"发生重大及以上生产安全事故"},{"key":"low","name":"总分低于60分","below":60}],
         "grades":[{"name":"优秀","min":90,"quota":0.3},{"name":"良好","min":80},{"name":"合格","min":60},{"name":"不合格","min":0}],
         "tieBreakers":["work"]}
        """;

    internal static Task<HttpResponseMessage> ImportAsync(HttpClient client, string json) =>
        client.PostAsync("/api/schemes", new StringContent(json, Encoding.UTF8, "application/json"), Cancel);

    [Theory]
    [MemberData(nameof(Databases.All), MemberType = typeof(Databases))]
    public async Task Import_ResolvesTheRubricsToTheLibrary_AndListsTheScheme(DatabaseProvider provider)
    {
        using var factory = new KaopingFactory(provider);
        var admin = await factory.ClientAsAsync("admin");

        var response = await ImportAsync(admin, Sample);

        Assert.Equal(HttpStatusCode.Created, response.StatusCode);
        var created = await response.JsonAsync();
        Assert.Equal(100m, created.GetProperty("points").GetDecimal());
        Assert.Equal("work", created.GetProperty("sheetPart").GetString());
        Assert.Equal("accidents", created.GetProperty("accidentPart").GetString());
        Assert.Equal(1, created.GetProperty("sheetRubricId").GetInt32());
        var accidentsId = await factory.WithDbAsync(db => db.Rubrics.Where(r => r.SourceName == "accidents.txt").Select(r => r.Id).SingleAsync(Cancel));
        var parts = created.GetProperty("scheme").GetProperty("parts");
        Assert.Equal($"library:{accidentsId}", parts[0].GetProperty("rubric").GetString());
        Assert.Equal("library:1", parts[1].GetProperty("rubric").GetString());
        Assert.Equal("rescale", parts[1].GetProperty("notApplicable").GetString());
        var id = created.GetProperty("id").GetInt32();
        var list = await (await (await factory.ClientAsAsync("leader")).GetAsync("/api/schemes", Cancel)).JsonAsync();
        Assert.Contains(list.EnumerateArray(), s => s.GetProperty("id").GetInt32() == id && !s.GetProperty("inUse").GetBoolean());
        var one = await (await admin.GetAsync($"/api/schemes/{id}", Cancel)).JsonAsync();
        Assert.Equal("2019年度考核方案", one.GetProperty("scheme").GetProperty("title").GetString());
    }

    [Theory]
    [MemberData(nameof(Databases.All), MemberType = typeof(Databases))]
    public async Task Import_OfAWrongScheme_NamesTheFieldWithTheCore_sMessage_AndSavesNothing(DatabaseProvider provider)
    {
        using var factory = new KaopingFactory(provider);
        var admin = await factory.ClientAsAsync("admin");
        var before = await factory.WithDbAsync(db => db.Schemes.CountAsync(Cancel));
        (string Json, string Field, string Message)[] cases =
        [
            (Sample.Replace("\"points\":40", "\"points\":0", StringComparison.Ordinal), "parts[1].points", "分值（points）应大于0且不超过1000"),
            (Sample.Replace("\"min\":0}", "\"min\":0,\"quota\":2}", StringComparison.Ordinal), "grades[3].quota", "最低的等次“不合格”不能有名额"),
            (Sample.Replace("\"below\":60", "\"below\":120", StringComparison.Ordinal), "vetoes[1].below", "below 应大于0且不超过方案总分100"),
            (Sample.Replace("bonus.txt", "accidents.txt", StringComparison.Ordinal), "bonus.rubric", "不是加分项"),
            (Sample.Replace("\"rubric\":\"accidents.txt\"", "\"rubric\":\"nowhere.txt\"", StringComparison.Ordinal), "parts[0].rubric",
                "考评细则库中没有“nowhere.txt”"),
            (Sample.Replace("\"key\":\"accidents\"", "\"key\":\"roads\"", StringComparison.Ordinal), "parts", "有且只有一个由考评表计分的部分"),
            (Sample.Replace("[\"work\"]", "[\"work\",\"work\"]", StringComparison.Ordinal), "tieBreakers", "tieBreakers 中的“work”重复"),
            ("{\"title\":\"x\"}", "json", "缺少部分列表"),
            ("{\"title\":", "json", "scheme.json"),
        ];
        foreach (var (json, field, message) in cases)
        {
            var response = await ImportAsync(admin, json);

            Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
            var errors = (await response.JsonAsync()).GetProperty("errors");
            Assert.True(errors.TryGetProperty(field, out var at), $"{field}: {errors}");
            Assert.Contains(message, at[0].GetString());
        }
        Assert.Equal(before, await factory.WithDbAsync(db => db.Schemes.CountAsync(Cancel)));
    }

    [Theory]
    [MemberData(nameof(Databases.All), MemberType = typeof(Databases))]
    public async Task Delete_OfARubricASchemeUses_IsRefusedWith409_NamingTheScheme_AndKeepsIt(DatabaseProvider provider)
    {
        using var factory = new KaopingFactory(provider);
        var admin = await factory.ClientAsAsync("admin");
        // accidents.txt and bonus.txt are parts of the demo's scheme; no campaign has them as its (sheet) rubric
        var rubrics = await factory.WithDbAsync(db => db.Rubrics.Where(r => r.SourceName == "accidents.txt" || r.SourceName == "bonus.txt")
            .Select(r => r.Id).ToListAsync(Cancel));
        Assert.Equal(2, rubrics.Count);

        foreach (var id in rubrics)
        {
            var refused = await admin.DeleteAsync($"/api/rubrics/{id}", Cancel);
            Assert.Equal(HttpStatusCode.Conflict, refused.StatusCode);
            Assert.Contains("是方案库中考核方案的组成部分，不能删除", await refused.Content.ReadAsStringAsync(Cancel));
        }
        Assert.Equal(2, await factory.WithDbAsync(db => db.Rubrics.CountAsync(r => rubrics.Contains(r.Id), Cancel)));
        var list = await (await admin.GetAsync("/api/rubrics", Cancel)).JsonAsync();
        Assert.All(list.EnumerateArray().Where(r => rubrics.Contains(r.GetProperty("id").GetInt32())), r => Assert.True(r.GetProperty("inUse").GetBoolean()));
    }

    [Fact]
    public async Task TheLibrary_SavesForTheOfficeOnly_WhicheverPageOrEndpointAsks()
    {
        using var factory = new KaopingFactory(DatabaseProvider.Sqlite);
        using var scope = factory.Services.CreateScope();
        var library = scope.ServiceProvider.GetRequiredService<Kaoping.Web.Services.Schemes.SchemeLibrary>();
        var check = await library.CheckJsonAsync(new MemoryStream(Encoding.UTF8.GetBytes(Sample)), "scheme.json", Cancel);
        Assert.True(check.CanSave);
        var before = await factory.WithDbAsync(db => db.Schemes.CountAsync(Cancel));

        var leader = new Kaoping.Campaigns.Caller("leader", Kaoping.Campaigns.Role.Leader, null, new HashSet<int>());
        Assert.Null(await library.SaveAsync(check, leader, "leader", Cancel));
        Assert.Null(await library.SaveAsync(check, null, "", Cancel));

        Assert.Equal(before, await factory.WithDbAsync(db => db.Schemes.CountAsync(Cancel)));
    }

    [Fact]
    public async Task Import_IsTheOffice_s()
    {
        using var factory = new KaopingFactory(DatabaseProvider.Sqlite);

        foreach (var user in new[] { "leader", "assessor1", "yuzhou", "sysadmin" })
            Assert.Equal(HttpStatusCode.Forbidden, (await ImportAsync(await factory.ClientAsAsync(user), Sample)).StatusCode);
    }

    [Theory]
    [MemberData(nameof(Databases.All), MemberType = typeof(Databases))]
    public async Task ACampaign_CreatedWithAScheme_IsScoredByIt_AndOneWithoutKeepsTheDefault(DatabaseProvider provider)
    {
        using var factory = new KaopingFactory(provider);
        var admin = await factory.ClientAsAsync("admin");
        var schemeId = (await (await ImportAsync(admin, Sample)).JsonAsync()).GetProperty("id").GetInt32();

        var withScheme = await CreateAsync(admin, schemeId, rubricId: 1);
        var mismatched = await CreateAsync(admin, schemeId, rubricId: 2);
        var without = await CreateAsync(admin, null, rubricId: 1);

        Assert.Equal(HttpStatusCode.Created, withScheme.StatusCode);
        var results = await (await admin.GetAsync($"/api/campaigns/{(await withScheme.JsonAsync()).GetProperty("id").GetInt32()}/results", Cancel)).JsonAsync();
        Assert.Equal("2019年度考核方案", results.GetProperty("scheme").GetProperty("title").GetString());
        Assert.Equal(2m, results.GetProperty("scheme").GetProperty("bonusCap").GetDecimal());
        Assert.Equal(HttpStatusCode.BadRequest, mismatched.StatusCode);
        Assert.Contains("考评表部分用的是考评细则1", (await mismatched.JsonAsync()).GetProperty("errors").GetProperty("schemeId")[0].GetString());
        var plain = await (await admin.GetAsync($"/api/campaigns/{(await without.JsonAsync()).GetProperty("id").GetInt32()}/results", Cancel)).JsonAsync();
        Assert.Equal(40m, plain.GetProperty("scheme").GetProperty("points").GetDecimal());
        Assert.Equal("work", Assert.Single(plain.GetProperty("scheme").GetProperty("parts").EnumerateArray()).GetProperty("key").GetString());
        var list = await (await admin.GetAsync("/api/schemes", Cancel)).JsonAsync();
        Assert.True(list.EnumerateArray().Single(s => s.GetProperty("id").GetInt32() == schemeId).GetProperty("inUse").GetBoolean());
    }

    private static Task<HttpResponseMessage> CreateAsync(HttpClient admin, int? schemeId, int rubricId) =>
        admin.PostAsJsonAsync("/api/campaigns", new { name = "2019年度考评", year = 2019, rubricId, schemeId, targetIds = new[] { 1, 2 },
            teams = Array.Empty<object>() },
            Cancel);
}
