using System.Net;
using System.Net.Http.Json;
using Kaoping.Data;
using Kaoping.Web.Tests.Api;

namespace Kaoping.Web.Tests.Office;

public class NotificationsApiTests
{
    private static CancellationToken Cancel => TestContext.Current.CancellationToken;

    [Theory]
    [MemberData(nameof(Databases.All), MemberType = typeof(Databases))]
    public async Task SubmitAndReturn_TellTheOfficeAndTheTeam_AndEachMarksOnlyTheirOwnRead(DatabaseProvider provider)
    {
        using var factory = new KaopingFactory(provider);
        var admin = await factory.ClientAsAsync("admin");
        var assessor1 = await factory.ClientAsAsync("assessor1");
        var assessor3 = await factory.ClientAsAsync("assessor3");
        var sheet = await factory.SheetIdAsync("禹州市");

        await assessor1.PostAsJsonAsync($"/api/sheets/{sheet}/transitions", new { action = "submitAssessment" }, Cancel);
        await admin.PostAsJsonAsync($"/api/sheets/{sheet}/transitions", new { action = "returnForRevision", comment = "请补充1.1.2的会议纪要" }, Cancel);

        var office = await admin.NotificationsAsync();
        Assert.Contains(office, n => n.GetProperty("kind").GetString() == "submitted" && n.GetProperty("text").GetString() == "禹州市的考评已提交，待复核。");
        var list = await assessor1.GetJsonAsync("/api/notifications");
        Assert.Equal(1, list.GetProperty("unread").GetInt32());
        var note = list.GetProperty("items")[0];
        Assert.Equal("returned", note.GetProperty("kind").GetString());
        Assert.Equal("禹州市的考评表被退回修改：请补充1.1.2的会议纪要", note.GetProperty("text").GetString());
        Assert.Equal(sheet, note.GetProperty("sheetId").GetInt32());
        Assert.False(note.GetProperty("read").GetBoolean());
        var id = note.GetProperty("id").GetInt64();
        Assert.Single(await assessor3.NotificationsAsync());

        Assert.Equal(HttpStatusCode.NotFound, (await assessor3.PostAsync($"/api/notifications/{id}/read", null, Cancel)).StatusCode);
        Assert.Equal(HttpStatusCode.NoContent, (await assessor1.PostAsync($"/api/notifications/{id}/read", null, Cancel)).StatusCode);

        Assert.Equal(0, (await assessor1.GetJsonAsync("/api/notifications")).GetProperty("unread").GetInt32());
        Assert.Empty((await assessor1.GetJsonAsync("/api/notifications?unread=true")).GetProperty("items").EnumerateArray());
        Assert.Equal(1, (await assessor3.GetJsonAsync("/api/notifications")).GetProperty("unread").GetInt32());
        var english = new HttpRequestMessage(HttpMethod.Get, "/api/notifications");
        english.Headers.AcceptLanguage.ParseAdd("en");
        var en = await (await assessor3.SendAsync(english, Cancel)).JsonAsync();
        Assert.Equal("The sheet of 禹州市 was returned: 请补充1.1.2的会议纪要", en.GetProperty("items")[0].GetProperty("text").GetString());
    }

    [Theory]
    [MemberData(nameof(Databases.All), MemberType = typeof(Databases))]
    public async Task AnAppeal_TellsTheOffice_AndItsDecision_TheTarget(DatabaseProvider provider)
    {
        using var factory = new KaopingFactory(provider);
        var admin = await factory.ClientAsAsync("admin");
        var yanling = await factory.ClientAsAsync("yanling");
        var sheet = await factory.SheetIdAsync("鄢陵县");

        var filed = await (await yanling.PostAsJsonAsync($"/api/sheets/{sheet}/appeals", new { item = "2.1.1", reason = "覆盖率为35%" }, Cancel)).JsonAsync();
        var office = await admin.NotificationsAsync();
        await admin.PostAsJsonAsync($"/api/sheets/{sheet}/appeals/{filed.GetProperty("id").GetInt64()}/decision",
            new { decision = "uphold", comment = "台账显示覆盖率27%" }, Cancel);
        var target = await yanling.NotificationsAsync();

        Assert.Contains(office, n => n.GetProperty("kind").GetString() == "appealFiled" && n.GetProperty("text").GetString()!.Contains("鄢陵县提出了申诉"));
        Assert.Contains(target, n => n.GetProperty("kind").GetString() == "appealDecided" && n.GetProperty("text").GetString()!.Contains("台账显示覆盖率27%"));
    }

    [Fact]
    public async Task Read_WithTheSignInCookieAlone_IsRefused()
    {
        using var factory = new KaopingFactory(DatabaseProvider.Sqlite);
        var browser = await CookieAntiforgeryTests.SignedInByCookieAsync(factory, "admin");

        var response = await browser.PostAsync("/api/notifications/1/read", null, Cancel);

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
    }
}
