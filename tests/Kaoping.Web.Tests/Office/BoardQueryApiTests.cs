using System.Net;
using Kaoping.Data;
using Kaoping.Web.Tests.Api;

namespace Kaoping.Web.Tests.Office;

public class BoardQueryApiTests
{
    [Theory]
    [MemberData(nameof(Databases.All), MemberType = typeof(Databases))]
    public async Task Sheets_WithPage_AnswerOnePageAndTheTotal_WithoutPage_TheWholeList(DatabaseProvider provider)
    {
        using var factory = new KaopingFactory(provider);
        var admin = await factory.ClientAsAsync("admin");

        var first = await admin.GetJsonAsync("/api/campaigns/1/sheets?page=1&pageSize=4");
        var last = await admin.GetJsonAsync("/api/campaigns/1/sheets?page=3&pageSize=4");
        var beyond = await admin.GetJsonAsync("/api/campaigns/1/sheets?page=9&pageSize=4");
        var all = await admin.GetJsonAsync("/api/campaigns/1/sheets");

        Assert.Equal(9, first.GetProperty("total").GetInt32());
        Assert.Equal(1, first.GetProperty("page").GetInt32());
        Assert.Equal(4, first.GetProperty("pageSize").GetInt32());
        Assert.Equal(["禹州市", "长葛市", "鄢陵县", "襄城县"], first.GetProperty("items").EnumerateArray().Select(r => r.GetProperty("target").GetString()));
        Assert.Equal(["经济技术开发区"], last.GetProperty("items").EnumerateArray().Select(r => r.GetProperty("target").GetString()));
        Assert.Equal(0, beyond.GetProperty("items").GetArrayLength());
        Assert.Equal(9, all.GetArrayLength());
    }

    [Theory]
    [MemberData(nameof(Databases.All), MemberType = typeof(Databases))]
    public async Task Sheets_FilterByStateTeamNameAndLateness_AndSort(DatabaseProvider provider)
    {
        using var factory = new KaopingFactory(provider);
        var admin = await factory.ClientAsAsync("admin");
        static List<string> Targets(System.Text.Json.JsonElement rows) => [.. rows.EnumerateArray().Select(r => r.GetProperty("target").GetString()!)];

        var selfAssessing = Targets(await admin.GetJsonAsync("/api/campaigns/1/sheets?state=selfAssessing"));
        var team1 = Targets(await admin.GetJsonAsync("/api/campaigns/1/sheets?team=" + Uri.EscapeDataString("第一考评组")));
        var named = Targets(await admin.GetJsonAsync("/api/campaigns/1/sheets?q=" + Uri.EscapeDataString("区") + "&state=assessing"));
        var late = Targets(await admin.GetJsonAsync("/api/campaigns/1/sheets?late=true"));
        var differing = Targets(await admin.GetJsonAsync("/api/campaigns/1/sheets?differing=true"));
        var byScore = (await admin.GetJsonAsync("/api/campaigns/1/sheets?sort=-score")).EnumerateArray().Select(r => r.GetProperty("score").GetDecimal()).ToList();
        var paged = await admin.GetJsonAsync("/api/campaigns/1/sheets?state=selfAssessing&page=1&pageSize=2");

        Assert.Equal(["城乡一体化示范区", "东城区", "经济技术开发区"], selfAssessing);
        Assert.Equal(["禹州市", "长葛市", "鄢陵县", "襄城县"], team1);
        Assert.Equal(["魏都区", "建安区"], named);
        // the self-assessment was due a week ago: the three zones that have not handed it in are late
        Assert.Equal(selfAssessing, late);
        Assert.Contains("禹州市", differing);
        Assert.Equal(byScore.OrderDescending(), byScore);
        Assert.Equal(3, paged.GetProperty("total").GetInt32());
        Assert.Equal(2, paged.GetProperty("items").GetArrayLength());
    }

    [Theory]
    [InlineData("state=finished", "state", "不是考评表状态")]
    [InlineData("state=3", "state", "不是考评表状态")]
    [InlineData("page=0", "page", "从1起")]
    [InlineData("page=x", "page", "从1起")]
    [InlineData("page=1&pageSize=501", "pageSize", "1到500")]
    [InlineData("pageSize=0", "pageSize", "1到500")]
    [InlineData("sort=color", "sort", "不能按“color”排序")]
    [InlineData("team=%E7%AC%AC%E4%B9%9D%E7%BB%84", "team", "没有考评组“第九组”")]
    public async Task Sheets_WithABadValue_Is400NamingIt(string query, string field, string message)
    {
        using var factory = new KaopingFactory(DatabaseProvider.Sqlite);
        var admin = await factory.ClientAsAsync("admin");

        var response = await admin.GetAsync("/api/campaigns/1/sheets?" + query, TestContext.Current.CancellationToken);

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        var errors = (await response.JsonAsync()).GetProperty("errors");
        Assert.Contains(message, errors.GetProperty(field)[0].GetString());
    }

    [Fact]
    public async Task Sheets_ForAnAssessor_PageOnlyTheirTeamsSheets()
    {
        using var factory = new KaopingFactory(DatabaseProvider.Sqlite);
        var assessor = await factory.ClientAsAsync("assessor2");

        var page = await assessor.GetJsonAsync("/api/campaigns/1/sheets?page=1&pageSize=500&state=selfAssessing");

        Assert.Equal(3, page.GetProperty("total").GetInt32());
        Assert.All(page.GetProperty("items").EnumerateArray(), r => Assert.Equal("第二考评组", r.GetProperty("team").GetString()));
    }
}
