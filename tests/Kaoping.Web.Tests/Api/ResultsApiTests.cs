using System.Net;
using System.Net.Http.Json;
using System.Text.RegularExpressions;
using DocumentFormat.OpenXml.Packaging;
using Kaoping.Campaigns;
using Kaoping.Data;
using Microsoft.EntityFrameworkCore;

namespace Kaoping.Web.Tests.Api;

/// <summary>
/// The campaign's result: only final sheets (已审定 or later) are ranked, the rest listed as unfinished with their state
/// and no score; the default scheme is the campaign's rubric with the default bands; the 通报 waits for a complete result.
/// </summary>
public class ResultsApiTests
{
    private static CancellationToken Cancel => TestContext.Current.CancellationToken;

    [Theory]
    [MemberData(nameof(Databases.All), MemberType = typeof(Databases))]
    public async Task Results_RankOnlyFinalSheets_AndListTheOthersAsUnfinished(DatabaseProvider provider)
    {
        using var factory = new KaopingFactory(provider);
        var leader = await factory.ClientAsAsync("leader");

        var results = await (await leader.GetAsync("/api/campaigns/1/results", Cancel)).JsonAsync();

        var ranking = results.GetProperty("ranking");
        var only = Assert.Single(ranking.EnumerateArray());
        Assert.Equal("鄢陵县", only.GetProperty("target").GetString());
        Assert.Equal(1, only.GetProperty("rank").GetInt32());
        // the demo's scheme (samples/scheme): the sheet's own score, as its page shows it, is the 40-point part (38.5);
        // the accident part has no deduction (2 deaths against a quota of 2): 60 + 38.5 of 100
        var sheet = await (await leader.GetAsync($"/api/sheets/{only.GetProperty("sheetId").GetInt32()}", Cancel)).JsonAsync();
        Assert.Equal(38.5m, sheet.GetProperty("score").GetProperty("score").GetDecimal());
        Assert.Equal(98.5m, only.GetProperty("score").GetDecimal());
        Assert.Equal(100m, only.GetProperty("points").GetDecimal());
        // 优秀 by its band, but the 30% quota of one ranked target is floor(0.3) = 0 places: 良好
        Assert.Equal("优秀", only.GetProperty("bandGrade").GetString());
        Assert.Equal("良好", only.GetProperty("grade").GetString());
        var parts = only.GetProperty("parts").EnumerateArray().ToDictionary(p => p.GetProperty("key").GetString()!, p => p.GetProperty("score").GetDecimal());
        Assert.Equal(new Dictionary<string, decimal> { ["accidents"] = 60m, ["work"] = 38.5m }, parts);
        Assert.False(only.GetProperty("vetoed").GetBoolean());

        var unfinished = results.GetProperty("unfinished").EnumerateArray().ToList();
        Assert.Equal(8, unfinished.Count);
        Assert.All(unfinished, u => Assert.False(u.TryGetProperty("score", out _)));
        Assert.Contains(unfinished, u => u.GetProperty("target").GetString() == "长葛市" && u.GetProperty("stateName").GetString() == "考评中");
        Assert.Contains(unfinished, u => u.GetProperty("target").GetString() == "东城区" && u.GetProperty("state").GetString() == "selfAssessing");
        Assert.False(results.GetProperty("complete").GetBoolean());
        Assert.Equal(100m, results.GetProperty("scheme").GetProperty("points").GetDecimal());
        Assert.Equal("library:1", results.GetProperty("scheme").GetProperty("parts")[1].GetProperty("rubric").GetString());
    }

    [Theory]
    [MemberData(nameof(Databases.All), MemberType = typeof(Databases))]
    public async Task Results_OfApprovedSheets_AreRankedByTotal_WithSharedRanksAndBandGrades(DatabaseProvider provider)
    {
        using var factory = new KaopingFactory(provider);
        var admin = await factory.ClientAsAsync("admin");
        await ApproveAllAsync(factory);

        var results = await (await admin.GetAsync("/api/campaigns/1/results", Cancel)).JsonAsync();

        var ranking = results.GetProperty("ranking").EnumerateArray().ToList();
        Assert.Equal(9, ranking.Count);
        Assert.Empty(results.GetProperty("unfinished").EnumerateArray());
        Assert.True(results.GetProperty("complete").GetBoolean());
        var totals = ranking.Select(r => r.GetProperty("score").GetDecimal()).ToList();
        Assert.Equal(totals.OrderByDescending(t => t), totals);
        // equal totals share a rank: 1, 1, 1, 1, 5 … for the four targets without deductions
        var ranks = ranking.Select(r => r.GetProperty("rank").GetInt32()).ToList();
        for (var i = 1; i < ranking.Count; i++)
            Assert.Equal(totals[i] == totals[i - 1] ? ranks[i - 1] : i + 1, ranks[i]);
        Assert.All(ranking, r => Assert.Equal(Band(r.GetProperty("score").GetDecimal()), r.GetProperty("bandGrade").GetString()));
        // 优秀 holds at most floor(0.3 × 9) = 2 targets
        Assert.True(ranking.Count(r => r.GetProperty("grade").GetString() == "优秀") <= 2);
        foreach (var row in ranking)
        {
            var sheet = await (await admin.GetAsync($"/api/sheets/{row.GetProperty("sheetId").GetInt32()}", Cancel)).JsonAsync();
            var work = row.GetProperty("parts").EnumerateArray().Single(p => p.GetProperty("key").GetString() == "work");
            Assert.Equal(sheet.GetProperty("score").GetProperty("score").GetDecimal(), work.GetProperty("score").GetDecimal());
        }
    }

    [Theory]
    [MemberData(nameof(Databases.All), MemberType = typeof(Databases))]
    public async Task Results_AreForTheOfficeAndLeaders(DatabaseProvider provider)
    {
        using var factory = new KaopingFactory(provider);
        var assessor = await factory.ClientAsAsync("assessor1");
        var reporter = await factory.ClientAsAsync("yanling");
        var admin = await factory.ClientAsAsync("admin");

        Assert.Equal(HttpStatusCode.Forbidden, (await assessor.GetAsync("/api/campaigns/1/results", Cancel)).StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, (await reporter.GetAsync("/api/campaigns/1/results", Cancel)).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await admin.GetAsync("/api/campaigns/999/results", Cancel)).StatusCode);
    }

    [Theory]
    [MemberData(nameof(Databases.All), MemberType = typeof(Databases))]
    public async Task Ranking_LeavesOutUnfinishedSheets(DatabaseProvider provider)
    {
        using var factory = new KaopingFactory(provider);
        var leader = await factory.ClientAsAsync("leader");

        var ranking = await (await leader.GetAsync("/api/campaigns/1/ranking", Cancel)).JsonAsync();

        Assert.Equal("鄢陵县", Assert.Single(ranking.EnumerateArray()).GetProperty("target").GetString());
    }

    [Fact]
    public async Task Circular_IsRefusedWhileSheetsAreUnfinished_NamingThem_ButADraftSaysSo()
    {
        using var factory = new KaopingFactory(DatabaseProvider.Sqlite);
        var leader = await factory.ClientAsAsync("leader");

        var refused = await leader.GetAsync("/api/campaigns/1/reports/circular.docx", Cancel);
        var draft = await leader.GetAsync("/api/campaigns/1/reports/circular.docx?draft=true", Cancel);

        Assert.Equal(HttpStatusCode.Conflict, refused.StatusCode);
        var detail = (await refused.JsonAsync()).GetProperty("detail").GetString()!;
        Assert.Contains("长葛市：考评中，未完成", detail);
        Assert.Contains("东城区：自评中，未完成", detail);
        Assert.DoesNotContain("鄢陵县", detail);
        Assert.Equal(HttpStatusCode.OK, draft.StatusCode);
        using var document = WordprocessingDocument.Open(new MemoryStream(await draft.Content.ReadAsByteArrayAsync(Cancel)), false);
        var main = document.MainDocumentPart!;
        Assert.Equal("草稿", Assert.Single(main.HeaderParts).Header!.InnerText);
        var text = main.Document!.Body!.InnerText;
        Assert.Contains("结果的通报（草稿）", text);
        Assert.Contains("8个单位尚未完成考评，未列入排名", text);
        Assert.DoesNotContain("…", text);
    }

    [Fact]
    public async Task Circular_OfACompleteResult_IsNoDraft_AndNamesTheUnitsThatLostPoints()
    {
        using var factory = new KaopingFactory(DatabaseProvider.Sqlite);
        var leader = await factory.ClientAsAsync("leader");
        await ApproveAllAsync(factory);

        var response = await leader.GetAsync("/api/campaigns/1/reports/circular.docx", Cancel);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        using var document = WordprocessingDocument.Open(new MemoryStream(await response.Content.ReadAsByteArrayAsync(Cancel)), false);
        Assert.Empty(document.MainDocumentPart!.HeaderParts);
        var text = document.MainDocumentPart.Document!.Body!.InnerText;
        Assert.DoesNotContain("草稿", text);
        Assert.Contains("个单位被扣分（长葛市", text);
    }

    [Fact]
    public async Task Circular_IsRefusedWhileAnAppealIsPending_SayingSo_ButADraftIsGiven()
    {
        using var factory = new KaopingFactory(DatabaseProvider.Sqlite);
        var leader = await factory.ClientAsAsync("leader");
        var yanling = await factory.SheetIdAsync("鄢陵县");
        // every other sheet approved; 鄢陵县 stays published, open to appeal
        await factory.WithDbAsync(db => db.Sheets.Where(s => s.Id != yanling).ExecuteUpdateAsync(s => s.SetProperty(x => x.State, SheetState.Approved)));
        var appeal = await (await factory.ClientAsAsync("yanling")).PostAsJsonAsync($"/api/sheets/{yanling}/appeals",
            new { item = "2.1.1", reason = "一般行业执法覆盖率为35%，见执法台账" }, Cancel);
        Assert.Equal(HttpStatusCode.Created, appeal.StatusCode);

        var refused = await leader.GetAsync("/api/campaigns/1/reports/circular.docx", Cancel);
        var draft = await leader.GetAsync("/api/campaigns/1/reports/circular.docx?draft=true", Cancel);

        Assert.Equal(HttpStatusCode.Conflict, refused.StatusCode);
        var detail = (await refused.JsonAsync()).GetProperty("detail").GetString()!;
        Assert.Contains("尚有1项申诉待处理", detail);
        Assert.DoesNotContain("，未完成", detail); // no sheet is named unfinished: only the appeal holds it back
        Assert.Equal(HttpStatusCode.OK, draft.StatusCode);
        using var document = WordprocessingDocument.Open(new MemoryStream(await draft.Content.ReadAsByteArrayAsync(Cancel)), false);
        Assert.Equal("草稿", Assert.Single(document.MainDocumentPart!.HeaderParts).Header!.InnerText);
    }

    [Fact]
    public async Task ResultsPage_ShowsTheRankedTargetsAndTheUnfinishedOnesWithTheirState_NeverAScore()
    {
        using var factory = new KaopingFactory(DatabaseProvider.Sqlite);
        var leader = await CookieAntiforgeryTests.SignedInByCookieAsync(factory, "leader");

        var page = WebUtility.HtmlDecode(await leader.GetStringAsync("/campaigns/1/results", Cancel));

        Assert.Contains("id=\"results\"", page);
        Assert.Contains("1个已审定并排名，8个未完成，不排名", page);
        Assert.Contains("未完成（考评中）", page);
        Assert.Contains("未完成（自评中）", page);
        Assert.DoesNotContain("/ 40", page);
        Assert.Equal(1, Regex.Count(page, "data-testid=\"ranked\""));
        Assert.Equal(8, Regex.Count(page, "data-testid=\"unfinished\""));
    }

    private static string Band(decimal score) => score >= 90 ? "优秀" : score >= 80 ? "良好" : score >= 60 ? "合格" : "不合格";

    // The office's approval of every sheet, as its workflow would end; how sheets get there is the workflow tests' concern.
    private static Task<int> ApproveAllAsync(KaopingFactory factory) =>
        factory.WithDbAsync(db => db.Sheets.ExecuteUpdateAsync(s => s.SetProperty(x => x.State, SheetState.Approved)));
}
