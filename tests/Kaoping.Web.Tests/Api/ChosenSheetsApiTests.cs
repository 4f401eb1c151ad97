using System.IO.Compression;
using System.Net;
using Kaoping.Data;

namespace Kaoping.Web.Tests.Api;

/// <summary>The board's bulk export: the sheets chosen by id or by the board's filter, in one archive; a wrong choice refused.</summary>
public class ChosenSheetsApiTests
{
    private static async Task<List<string>> EntriesAsync(HttpResponseMessage response)
    {
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        using var zip = new ZipArchive(await response.Content.ReadAsStreamAsync(TestContext.Current.CancellationToken));
        return [.. zip.Entries.Select(e => e.FullName).Order(StringComparer.Ordinal)];
    }

    [Theory]
    [MemberData(nameof(Databases.All), MemberType = typeof(Databases))]
    public async Task TheChosenSheets_AndThoseTheFilterMatches_AreExported_AndNoOthers(DatabaseProvider provider)
    {
        using var factory = new KaopingFactory(provider);
        var admin = await factory.ClientAsAsync("admin");
        var board = (await (await admin.GetAsync("/api/campaigns/1/sheets", TestContext.Current.CancellationToken)).JsonAsync()).EnumerateArray()
            .Select(s => (Id: s.GetProperty("id").GetInt32(), Target: s.GetProperty("target").GetString()!, State: s.GetProperty("state").GetString()!))
            .ToList();
        var chosen = board.Where(s => s.Target is "禹州市" or "鄢陵县").ToList();

        var byId = await EntriesAsync(await admin.GetAsync($"/api/campaigns/1/reports/sheets.zip?sheetIds={chosen[0].Id},{chosen[1].Id}",
            TestContext.Current.CancellationToken));
        var all = await EntriesAsync(await admin.GetAsync("/api/campaigns/1/reports/sheets.zip", TestContext.Current.CancellationToken));
        var published = await EntriesAsync(await admin.GetAsync("/api/campaigns/1/reports/sheets.zip?state=published",
            TestContext.Current.CancellationToken));

        Assert.Equal(chosen.Select(s => s.Target + "-考评表.xlsx").Order(StringComparer.Ordinal), byId);
        Assert.Equal(board.Count, all.Count);
        var expected = board.Where(s => s.State == "published").Select(s => s.Target + "-考评表.xlsx").Order(StringComparer.Ordinal).ToList();
        Assert.NotEmpty(expected);
        Assert.True(expected.Count < board.Count);
        Assert.Equal(expected, published);
    }

    [Theory]
    [InlineData("sheetIds=1,abc", "abc")]
    [InlineData("sheetIds=1,99999", "99999")]
    [InlineData("sheetIds=0", "0")]
    [InlineData("state=nonsense", "nonsense")]
    public async Task AWrongChoice_IsRefused_NamingWhatIsWrong(string query, string named)
    {
        using var factory = new KaopingFactory(DatabaseProvider.Sqlite);
        var admin = await factory.ClientAsAsync("admin");

        var response = await admin.GetAsync("/api/campaigns/1/reports/sheets.zip?" + query, TestContext.Current.CancellationToken);

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        var detail = (await response.JsonAsync()).GetProperty("detail").GetString()!;
        Assert.Contains(named, detail, StringComparison.Ordinal);
    }

    [Fact]
    public async Task MoreIdsThanTheBound_AreRefused()
    {
        using var factory = new KaopingFactory(DatabaseProvider.Sqlite);
        var admin = await factory.ClientAsAsync("admin");
        var ids = string.Join(",", Enumerable.Range(1, Kaoping.Web.Api.ChosenSheets.MaxIds + 1));

        var response = await admin.GetAsync("/api/campaigns/1/reports/sheets.zip?sheetIds=" + ids, TestContext.Current.CancellationToken);

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Contains("3000", (await response.JsonAsync()).GetProperty("detail").GetString()!, StringComparison.Ordinal);
    }
}
