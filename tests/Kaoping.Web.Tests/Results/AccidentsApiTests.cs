using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Kaoping.Campaigns;
using Kaoping.Data;
using Kaoping.Documents.Spreadsheets;
using Kaoping.Web.Tests.Api;
using Microsoft.EntityFrameworkCore;

namespace Kaoping.Web.Tests.Results;

/// <summary>
/// Accident statistics per target: entered by the office or imported from the Excel template (all rows or none, a wrong
/// cell named by row and column), audited; they score the accident part and fire the vetoes, which the results show with
/// their reasons, beside the office's own vetoes and bonus items.
/// </summary>
public class AccidentsApiTests
{
    private static CancellationToken Cancel => TestContext.Current.CancellationToken;

    private static async Task<int> TargetAsync(KaopingFactory factory, string name) =>
        await factory.WithDbAsync(db => db.Targets.Where(t => t.Name == name).Select(t => t.Id).SingleAsync(Cancel));

    private static Task<HttpResponseMessage> PutAsync(HttpClient client, int target, object figures) =>
        client.PutAsJsonAsync($"/api/campaigns/1/accidents/{target}", figures, Cancel);

    private static async Task<JsonElement> RowAsync(HttpClient client, string target) =>
        (await (await client.GetAsync("/api/campaigns/1/results", Cancel)).JsonAsync()).GetProperty("ranking").EnumerateArray()
            .Single(r => r.GetProperty("target").GetString() == target);

    private static decimal Part(JsonElement row, string key) =>
        row.GetProperty("parts").EnumerateArray().Single(p => p.GetProperty("key").GetString() == key).GetProperty("score").GetDecimal();

    [Theory]
    [MemberData(nameof(Databases.All), MemberType = typeof(Databases))]
    public async Task Statistics_ScoreTheAccidentPartByItsClauses_AndAreAudited(DatabaseProvider provider)
    {
        using var factory = new KaopingFactory(provider);
        var admin = await factory.ClientAsAsync("admin");
        var yanling = await TargetAsync(factory, "鄢陵县");

        var response = await PutAsync(admin, yanling, new { deaths = 4, injuries = 7, serious = 1, deathQuota = 2 });

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal(7, (await response.JsonAsync()).GetProperty("injuries").GetInt32());
        // 2 deaths over the quota × 3 points, one 较大 accident 10 points: 60 − 6 − 10
        var row = await RowAsync(admin, "鄢陵县");
        Assert.Equal(44m, Part(row, "accidents"));
        Assert.Equal(82.5m, row.GetProperty("score").GetDecimal());
        var audit = await (await admin.GetAsync("/api/campaigns/1/audit", Cancel)).JsonAsync();
        var entry = audit.EnumerateArray().Last();
        Assert.Equal("accidents", entry.GetProperty("kind").GetString());
        Assert.Equal("鄢陵县：死亡2人（控制指标2人），受伤0人，较大事故0起，重大事故0起，特别重大事故0起，事故3起（控制指标5起），非煤矿山亡人事故0起，无瞒报谎报",
            entry.GetProperty("before").GetString());
        Assert.Contains("死亡4人（控制指标2人），受伤7人，较大事故1起", entry.GetProperty("after").GetString());
        Assert.Equal("admin", entry.GetProperty("by").GetString());
    }

    [Theory]
    [MemberData(nameof(Databases.All), MemberType = typeof(Databases))]
    public async Task AccidentsOverTheirQuota_AndAFatalMineAccident_ScoreItems131And132(DatabaseProvider provider)
    {
        using var factory = new KaopingFactory(provider);
        var admin = await factory.ClientAsAsync("admin");
        var yanling = await TargetAsync(factory, "鄢陵县");

        var response = await PutAsync(admin, yanling, new { deaths = 2, deathQuota = 2, accidents = 8, accidentQuota = 5, mineFatalAccidents = 1 });

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        // 1.3.1: 3 accidents over the quota × 1 point; 1.3.2: a fatal non-coal-mine accident, 5 points once: 60 − 3 − 5
        Assert.Equal(52m, Part(await RowAsync(admin, "鄢陵县"), "accidents"));
        var figures = (await (await admin.GetAsync("/api/campaigns/1/accidents", Cancel)).JsonAsync()).EnumerateArray()
            .Single(e => e.GetProperty("target").GetString() == "鄢陵县");
        Assert.Equal((8, 5, 1), (figures.GetProperty("accidents").GetInt32(), figures.GetProperty("accidentQuota").GetInt32(),
            figures.GetProperty("mineFatalAccidents").GetInt32()));
        // at the quota, and no mine accident: full marks again
        await PutAsync(admin, yanling, new { deaths = 2, deathQuota = 2, accidents = 5, accidentQuota = 5 });
        Assert.Equal(60m, Part(await RowAsync(admin, "鄢陵县"), "accidents"));
    }

    [Theory]
    [MemberData(nameof(Databases.All), MemberType = typeof(Databases))]
    public async Task AMajorAccident_AndConcealment_VetoTheTarget_WithTheirReasons_WhateverItsTotal(DatabaseProvider provider)
    {
        using var factory = new KaopingFactory(provider);
        var admin = await factory.ClientAsAsync("admin");
        await factory.WithDbAsync(db => db.Sheets.ExecuteUpdateAsync(s => s.SetProperty(x => x.State, SheetState.Approved), Cancel));

        await PutAsync(admin, await TargetAsync(factory, "魏都区"), new { deaths = 1, deathQuota = 2, major = 1, concealed = true });

        var results = await (await admin.GetAsync("/api/campaigns/1/results", Cancel)).JsonAsync();
        var ranking = results.GetProperty("ranking").EnumerateArray().ToList();
        var weidu = ranking.Single(r => r.GetProperty("target").GetString() == "魏都区");
        Assert.True(weidu.GetProperty("vetoed").GetBoolean());
        Assert.Equal("不合格", weidu.GetProperty("grade").GetString());
        Assert.True(weidu.GetProperty("score").GetDecimal() >= 90);
        var vetoes = weidu.GetProperty("vetoes").EnumerateArray().ToDictionary(v => v.GetProperty("key").GetString()!,
            v => v.GetProperty("reason").GetString());
        Assert.Equal("事故统计：重大事故1起", vetoes["major"]);
        Assert.Equal("事故统计：有瞒报、谎报", vetoes["concealed"]);
        // vetoed targets rank after every other
        Assert.Equal("魏都区", ranking[^1].GetProperty("target").GetString());
    }

    [Theory]
    [MemberData(nameof(Databases.All), MemberType = typeof(Databases))]
    public async Task WrongStatistics_AreRefusedNamingTheField_AndChangeNothing(DatabaseProvider provider)
    {
        using var factory = new KaopingFactory(provider);
        var admin = await factory.ClientAsAsync("admin");
        var yanling = await TargetAsync(factory, "鄢陵县");

        var negative = await PutAsync(admin, yanling, new { deaths = -1 });
        var outside = await PutAsync(admin, 9999, new { deaths = 1 });
        var byAssessor = await PutAsync(await factory.ClientAsAsync("assessor1"), yanling, new { deaths = 1 });
        var byLeader = await PutAsync(await factory.ClientAsAsync("leader"), yanling, new { deaths = 1 });

        Assert.Equal(HttpStatusCode.BadRequest, negative.StatusCode);
        Assert.Contains("死亡人数应是0到100000的整数，读到的是 -1", (await negative.JsonAsync()).GetProperty("errors").GetProperty("deaths")[0].GetString());
        Assert.Equal(HttpStatusCode.NotFound, outside.StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, byAssessor.StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, byLeader.StatusCode);
        Assert.Equal(2, await factory.WithDbAsync(db => db.AccidentStatistics.Where(a => a.TargetId == yanling).Select(a => a.Deaths).SingleAsync(Cancel)));
        Assert.Equal(0, await factory.WithDbAsync(db => db.CampaignAudit.CountAsync(Cancel)));
    }

    [Theory]
    [MemberData(nameof(Databases.All), MemberType = typeof(Databases))]
    public async Task TheTemplate_FilledIn_Imports_AllRowsAudited(DatabaseProvider provider)
    {
        using var factory = new KaopingFactory(provider);
        var admin = await factory.ClientAsAsync("admin");
        var template = await admin.GetAsync("/api/campaigns/1/accidents/template.xlsx", Cancel);
        Assert.Equal(HttpStatusCode.OK, template.StatusCode);
        var rows = Services.Accidents.AccidentWorkbook.Read(new MemoryStream(await template.Content.ReadAsByteArrayAsync(Cancel)), "template.xlsx");
        Assert.Equal(9, rows.Count);
        Assert.Contains(rows, r => r.Target == "禹州市" && r.Input.Deaths == 5 && r.Input.DeathQuota == 4);

        var unchanged = await UploadAsync(admin, await template.Content.ReadAsByteArrayAsync(Cancel));
        var changed = await UploadAsync(admin, Workbook(["鄢陵县", 3, 1, 0, 0, 0, 2, "否"], ["长葛市", 0, 0, 0, 0, 0, 3, "是"]));

        Assert.Equal(0, (await unchanged.JsonAsync()).GetProperty("changed").GetInt32());
        Assert.Equal(HttpStatusCode.OK, changed.StatusCode);
        Assert.Equal(2, (await changed.JsonAsync()).GetProperty("changed").GetInt32());
        var list = await (await admin.GetAsync("/api/campaigns/1/accidents", Cancel)).JsonAsync();
        var changge = list.EnumerateArray().Single(e => e.GetProperty("target").GetString() == "长葛市");
        Assert.True(changge.GetProperty("concealed").GetBoolean());
        var audit = await (await admin.GetAsync("/api/campaigns/1/audit", Cancel)).JsonAsync();
        Assert.Equal(2, audit.EnumerateArray().Count(e => e.GetProperty("kind").GetString() == "accidentsImported"));
    }

    [Theory]
    [MemberData(nameof(Databases.All), MemberType = typeof(Databases))]
    public async Task AWrongRowOrColumn_IsNamed_AndNothingIsSaved(DatabaseProvider provider)
    {
        using var factory = new KaopingFactory(provider);
        var admin = await factory.ClientAsAsync("admin");
        (byte[] File, string Message)[] cases =
        [
            (Workbook(["鄢陵县", 3, 0, 0, 0, 0, 2, "否"], ["长葛市", 1, "两", 0, 0, 0, 3, "否"]), "第3行第3列（C列，受伤人数）应是0到100000的整数，读到的是“两”"),
            (Workbook(["鄢陵县", 3, 0, 0, 0, 0, 2, "否"], ["许昌县", 1, 0, 0, 0, 0, 3, "否"]), "第3行第1列（A列）：“许昌县”不是本考评任务的被考评单位"),
            (Workbook(["鄢陵县", 3, 0, 0, 0, 0, 2, "也许"]), "第2行第11列（K列，瞒报谎报）应是“是”或“否”"),
            (Workbook(["鄢陵县", 3, 0, 0, 0, 0, 2, "否"], ["鄢陵县", 1, 0, 0, 0, 0, 2, "否"]), "第3行第1列（A列）：“鄢陵县”与第2行重复"),
            (Workbook(header: "死亡", ["鄢陵县", 3]), "第1行第2列（B列）应是表头“死亡人数”，读到的是“死亡”"),
            ("不是表格"u8.ToArray(), "不是 Excel（.xlsx）文件"),
            (new byte[Services.Accidents.AccidentWorkbook.MaxBytes + 1], "文件过大"),
        ];
        foreach (var (file, message) in cases)
        {
            var response = await UploadAsync(admin, file);

            Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
            Assert.Contains(message, (await response.JsonAsync()).GetProperty("errors").GetProperty("file")[0].GetString());
        }
        Assert.Equal(2, await factory.WithDbAsync(db => db.AccidentStatistics.Where(a => a.Target!.Name == "鄢陵县").Select(a => a.Deaths).SingleAsync(Cancel)));
        Assert.Equal(0, await factory.WithDbAsync(db => db.CampaignAudit.CountAsync(Cancel)));
    }

    [Theory]
    [MemberData(nameof(Databases.All), MemberType = typeof(Databases))]
    public async Task TheOffice_sVetoesAndBonusItems_CountWithTheirReasons_AndAreAudited(DatabaseProvider provider)
    {
        using var factory = new KaopingFactory(provider);
        var admin = await factory.ClientAsAsync("admin");
        var yanling = await TargetAsync(factory, "鄢陵县");

        var bonus = await admin.PostAsJsonAsync("/api/campaigns/1/adjustments",
            new { targetId = yanling, kind = "bonus", key = "1.2.1", clause = 1, count = 3, reason = "经验做法被省安委办推广3项" }, Cancel);
        var auto = await admin.PostAsJsonAsync("/api/campaigns/1/adjustments", new { targetId = yanling, kind = "veto", key = "low", reason = "x" }, Cancel);
        var noReason = await admin.PostAsJsonAsync("/api/campaigns/1/adjustments", new { targetId = yanling, kind = "veto", key = "concealed" }, Cancel);
        var unknown = await admin.PostAsJsonAsync("/api/campaigns/1/adjustments", new { targetId = yanling, kind = "bonus", key = "9.9.9", clause = 1,
            reason = "x" }, Cancel);

        Assert.Equal(HttpStatusCode.Created, bonus.StatusCode);
        Assert.Contains("由总分自动判定", (await auto.JsonAsync()).GetProperty("errors").GetProperty("key")[0].GetString());
        Assert.Contains("请写明理由", (await noReason.JsonAsync()).GetProperty("errors").GetProperty("reason")[0].GetString());
        Assert.Contains("加分细则中没有考评项目“9.9.9”", (await unknown.JsonAsync()).GetProperty("errors").GetProperty("key")[0].GetString());
        var row = await RowAsync(admin, "鄢陵县");
        Assert.Equal(0.6m, row.GetProperty("bonus").GetDecimal());
        Assert.Equal(99.1m, row.GetProperty("score").GetDecimal());

        var veto = await admin.PostAsJsonAsync("/api/campaigns/1/adjustments",
            new { targetId = yanling, kind = "veto", key = "concealed", reason = "省厅通报迟报瞒报1起" }, Cancel);
        var vetoed = await RowAsync(admin, "鄢陵县");
        Assert.True(vetoed.GetProperty("vetoed").GetBoolean());
        Assert.Equal("安委办认定：省厅通报迟报瞒报1起", vetoed.GetProperty("vetoes")[0].GetProperty("reason").GetString());

        var id = (await veto.JsonAsync()).GetProperty("id").GetInt32();
        var refused = await admin.PostAsJsonAsync($"/api/campaigns/1/adjustments/{id}/withdraw", new { reason = "" }, Cancel);
        var withdrawn = await admin.PostAsJsonAsync($"/api/campaigns/1/adjustments/{id}/withdraw", new { reason = "核实为迟报，不属瞒报" }, Cancel);
        Assert.Equal(HttpStatusCode.BadRequest, refused.StatusCode);
        Assert.Equal(HttpStatusCode.NoContent, withdrawn.StatusCode);
        Assert.False((await RowAsync(admin, "鄢陵县")).GetProperty("vetoed").GetBoolean());
        var audit = (await (await admin.GetAsync("/api/campaigns/1/audit", Cancel)).JsonAsync()).EnumerateArray().ToList();
        Assert.Equal(3, audit.Count(e => e.GetProperty("kind").GetString() == "adjustment"));
        Assert.Equal("撤销：核实为迟报，不属瞒报", audit[^1].GetProperty("after").GetString());
        Assert.Equal("鄢陵县：一票否决：瞒报、谎报生产安全事故（省厅通报迟报瞒报1起）", audit[^1].GetProperty("before").GetString());
    }

    [Fact]
    public async Task ATargetWithoutStatistics_IsNotRanked_UnderASchemeWithAnAccidentPart()
    {
        using var factory = new KaopingFactory(DatabaseProvider.Sqlite);
        var leader = await factory.ClientAsAsync("leader");
        await factory.WithDbAsync(db => db.AccidentStatistics.Where(a => a.Target!.Name == "鄢陵县").ExecuteDeleteAsync(Cancel));

        var results = await (await leader.GetAsync("/api/campaigns/1/results", Cancel)).JsonAsync();

        Assert.Empty(results.GetProperty("ranking").EnumerateArray());
        var yanling = results.GetProperty("unfinished").EnumerateArray().Single(u => u.GetProperty("target").GetString() == "鄢陵县");
        Assert.True(yanling.GetProperty("accidentsMissing").GetBoolean());
        Assert.Equal("published", yanling.GetProperty("state").GetString());
    }

    private static Task<HttpResponseMessage> UploadAsync(HttpClient client, byte[] file) =>
        client.PostAsync("/api/campaigns/1/accidents/import",
            new MultipartFormDataContent { { new ByteArrayContent(file), "file", "事故统计.xlsx" } }, Cancel);

    private static byte[] Workbook(params object[][] rows) => Workbook("死亡人数", rows);

    /// <summary>The template's columns; each row gives the target, the first six counts and 瞒报谎报 (the three accident counts are 0).</summary>
    private static byte[] Workbook(string header, params object[][] rows)
    {
        var sheet = new XlsxSheet("事故统计", [20, 10, 10, 10, 10, 10, 10, 10, 10, 10, 10]);
        sheet.AddRow([.. new[] { "被考评单位", header, "受伤人数", "较大事故起数", "重大事故起数", "特别重大事故起数", "死亡控制指标", "事故起数", "事故起数控制指标",
            "非煤矿山亡人事故起数", "瞒报谎报" }.Select(h => XlsxCell.Of(h))]);
        foreach (var row in rows)
        {
            object[] cells = row.Length == 8 ? [.. row[..7], 0, 0, 0, row[7]] : row;
            sheet.AddRow([.. cells.Select(c => c is int n ? XlsxCell.Of(n) : XlsxCell.Of((string)c))]);
        }
        using var output = new MemoryStream();
        XlsxBook.Write(output, sheet);
        return output.ToArray();
    }
}
