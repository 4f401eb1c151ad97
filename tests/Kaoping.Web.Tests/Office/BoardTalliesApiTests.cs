using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Kaoping.Data;
using Kaoping.Web.Tests.Api;
using Microsoft.EntityFrameworkCore;

namespace Kaoping.Web.Tests.Office;

/// <summary>The board reads each sheet's stored tally (by the sheet's version) and filters by the targets' regions.</summary>
public class BoardTalliesApiTests
{
    private static CancellationToken Cancel => TestContext.Current.CancellationToken;

    private static JsonElement Row(JsonElement rows, string target) => rows.EnumerateArray().Single(r => r.GetProperty("target").GetString() == target);

    [Theory]
    [MemberData(nameof(Databases.All), MemberType = typeof(Databases))]
    public async Task Board_AfterAChangeOfFindings_ShowsTheSheetsNewScore_AndStoresItsTallyAtTheNewVersion(DatabaseProvider provider)
    {
        using var factory = new KaopingFactory(provider);
        var admin = await factory.ClientAsAsync("admin");
        var assessor = await factory.ClientAsAsync("assessor1");
        var yuzhou = await factory.SheetIdAsync("禹州市");
        var before = Row(await admin.GetJsonAsync("/api/campaigns/1/sheets"), "禹州市");
        var etag = (await assessor.GetAsync($"/api/sheets/{yuzhou}", Cancel)).Headers.ETag!.ToString();

        var put = await assessor.PutFindingsAsync(yuzhou, "1.1.3", etag, new { findings = new[] { new { clause = 1 } } });
        var after = Row((await admin.GetJsonAsync("/api/campaigns/1/sheets?q=" + Uri.EscapeDataString("禹州") + "&page=1")).GetProperty("items"), "禹州市");
        var sheet = await (await assessor.GetAsync($"/api/sheets/{yuzhou}", Cancel)).JsonAsync();

        Assert.Equal(HttpStatusCode.OK, put.StatusCode);
        Assert.Equal(sheet.GetProperty("score").GetProperty("score").GetDecimal(), after.GetProperty("score").GetDecimal());
        Assert.True(after.GetProperty("score").GetDecimal() < before.GetProperty("score").GetDecimal());
        Assert.Equal(before.GetProperty("deducted").GetInt32() + 1, after.GetProperty("deducted").GetInt32());
        Assert.Equal(sheet.GetProperty("differences").GetArrayLength(), after.GetProperty("differences").GetInt32());
        var (version, tallied) = await factory.WithDbAsync(async db => (
            await db.Sheets.Where(s => s.Id == yuzhou).Select(s => s.Version).SingleAsync(Cancel),
            await db.SheetTallies.Where(t => t.SheetId == yuzhou).Select(t => t.Version).SingleAsync(Cancel)));
        Assert.Equal(version, tallied);
    }

    [Theory]
    [MemberData(nameof(Databases.All), MemberType = typeof(Databases))]
    public async Task Board_WithAStoredTallyOfAnOlderVersion_ScoresTheSheetAgain(DatabaseProvider provider)
    {
        using var factory = new KaopingFactory(provider);
        var admin = await factory.ClientAsAsync("admin");
        var yuzhou = await factory.SheetIdAsync("禹州市");
        var right = Row(await admin.GetJsonAsync("/api/campaigns/1/sheets"), "禹州市").GetProperty("score").GetDecimal();
        // A tally left from an earlier version (written by another node, say) with figures that are no longer true.
        await factory.WithDbAsync(db => db.SheetTallies.Where(t => t.SheetId == yuzhou)
            .ExecuteUpdateAsync(t => t.SetProperty(x => x.Score, 1m).SetProperty(x => x.Version, x => x.Version - 1), Cancel));

        var shown = Row(await admin.GetJsonAsync("/api/campaigns/1/sheets"), "禹州市").GetProperty("score").GetDecimal();

        Assert.Equal(right, shown);
        Assert.Equal(right, await factory.WithDbAsync(db => db.SheetTallies.Where(t => t.SheetId == yuzhou).Select(t => t.Score).SingleAsync(Cancel)));
    }

    [Theory]
    [MemberData(nameof(Databases.All), MemberType = typeof(Databases))]
    public async Task Sheets_ByRegion_TakeTheTargetsInItOrWithinIt(DatabaseProvider provider)
    {
        using var factory = new KaopingFactory(provider);
        var admin = await factory.ClientAsAsync("admin");
        var ids = new List<int>();
        foreach (var (name, region) in new[] { ("中牟县", "河南省 › 郑州市"), ("新郑市", "河南省>郑州市"), ("宝丰县", "河南省 / 平顶山市"), ("无地区县", null) })
        {
            var created = await admin.PostAsJsonAsync("/api/targets", new { name, kind = "县", region }, Cancel);
            Assert.Equal(HttpStatusCode.Created, created.StatusCode);
            ids.Add((await created.JsonAsync()).GetProperty("id").GetInt32());
        }
        var rubricId = (await admin.GetJsonAsync("/api/rubrics"))[0].GetProperty("id").GetInt32();
        var campaign = await (await admin.PostAsJsonAsync("/api/campaigns",
            new { name = "河南省抽查", year = 2026, rubricId, targetIds = ids, teams = Array.Empty<object>() }, Cancel)).JsonAsync();
        var id = campaign.GetProperty("id").GetInt32();
        async Task<List<string>> Targets(string region) => [.. (await admin.GetJsonAsync(
            $"/api/campaigns/{id}/sheets?page=1&region={Uri.EscapeDataString(region)}")).GetProperty("items").EnumerateArray()
            .Select(r => r.GetProperty("target").GetString()!)];

        Assert.Equal(["中牟县", "新郑市", "宝丰县"], await Targets("河南省"));
        Assert.Equal(["中牟县", "新郑市"], await Targets("郑州市"));
        Assert.Equal(["中牟县", "新郑市"], await Targets("河南省›郑州市"));
        Assert.Empty(await Targets("郑州"));
        var all = await admin.GetJsonAsync($"/api/campaigns/{id}/sheets");
        Assert.Equal("河南省 › 郑州市", Row(all, "新郑市").GetProperty("region").GetString());
        Assert.Equal(JsonValueKind.Null, Row(all, "无地区县").GetProperty("region").ValueKind);
        var demo = await admin.GetJsonAsync("/api/campaigns/1/sheets?region=" + Uri.EscapeDataString("许昌市") + "&page=1&pageSize=2");
        Assert.Equal(9, demo.GetProperty("total").GetInt32());
        Assert.Equal(2, demo.GetProperty("items").GetArrayLength());
    }

    [Fact]
    public async Task Sheets_WithATooLongRegion_Is400NamingIt()
    {
        using var factory = new KaopingFactory(DatabaseProvider.Sqlite);
        var admin = await factory.ClientAsAsync("admin");

        var response = await admin.GetAsync("/api/campaigns/1/sheets?region=" + new string('省', 201), Cancel);

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Contains("地区不能超过200字", (await response.JsonAsync()).GetProperty("errors").GetProperty("region")[0].GetString());
    }
}
