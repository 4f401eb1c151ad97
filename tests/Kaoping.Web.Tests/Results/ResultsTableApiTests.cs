using System.Net;
using DocumentFormat.OpenXml.Packaging;
using DocumentFormat.OpenXml.Spreadsheet;
using Kaoping.Campaigns;
using Kaoping.Data;
using Kaoping.Web.Tests.Api;
using Microsoft.EntityFrameworkCore;

namespace Kaoping.Web.Tests.Results;

/// <summary>The 汇总表 in Excel and Word: every target, part, bonus, veto, total, grade and rank; unfinished sheets as 未完成, never scored.</summary>
public class ResultsTableApiTests
{
    private static CancellationToken Cancel => TestContext.Current.CancellationToken;

    /// <summary>The worksheet's rows, each as its cells' texts (numbers as written).</summary>
    private static List<List<string>> Rows(byte[] xlsx)
    {
        using var book = SpreadsheetDocument.Open(new MemoryStream(xlsx), false);
        var sheet = book.WorkbookPart!.WorksheetParts.Single().Worksheet!;
        return [.. sheet.Descendants<Row>().Select(r => r.Elements<Cell>().Select(c => c.InnerText).ToList())];
    }

    /// <summary>
    /// 鄢陵县, the demo's one published sheet, under samples/scheme: accident part 60 (2 deaths, control quota 2, no 较大
    /// accident); work part its sheet's own score, unconverted: 40 − 0.5 (2.1.1, 执法覆盖率低于1/3) − 0.5 (4.5.1, 1项未整治)
    /// − 0.5 (5.1.2, 未组织应急演练) = 38.5; no bonus, no veto; total 98.5. Its band is 优秀, but the quota 0.3 of one
    /// ranked target holds floor(0.3) = 0 targets: 良好.
    /// </summary>
    private static readonly string[] Yanling = ["60", "38.5", "0", "—", "98.5", "良好"];

    [Theory]
    [MemberData(nameof(Databases.All), MemberType = typeof(Databases))]
    public async Task ResultsXlsx_RanksTheFinalSheet_AndListsTheOthersAsUnfinished_WithoutAScore(DatabaseProvider provider)
    {
        using var factory = new KaopingFactory(provider);
        var leader = await factory.ClientAsAsync("leader");

        var response = await leader.GetAsync("/api/campaigns/1/results.xlsx", Cancel);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("application/vnd.openxmlformats-officedocument.spreadsheetml.sheet", response.Content.Headers.ContentType!.MediaType);
        var rows = Rows(await response.Content.ReadAsByteArrayAsync(Cancel));
        Assert.EndsWith("考评结果汇总表", rows[0][0]);
        Assert.Contains("共9个被考评单位，1个已审定并排名，8个未完成，不排名、不计分", rows[1][0]);
        Assert.Equal(["名次", "被考评单位", "事故控制指标（60分）", "安全生产工作（40分）", "加分（上限2分）", "一票否决", "总分（100分）", "等次"], rows[2]);
        Assert.Equal(["1", "鄢陵县", .. Yanling], rows[3]);
        var changge = rows.Single(r => r.Count > 1 && r[1] == "长葛市");
        Assert.Equal(["—", "长葛市", "未完成（考评中），不排名"], changge);
        Assert.Equal(["—", "东城区", "未完成（自评中），不排名"], rows.Single(r => r.Count > 1 && r[1] == "东城区"));
        Assert.Equal(12, rows.Count);
        Assert.DoesNotContain(rows.SelectMany(r => r), c => c.Contains('…'));
    }

    [Theory]
    [MemberData(nameof(Databases.All), MemberType = typeof(Databases))]
    public async Task ResultsDocx_HasTheSameTable_InWord(DatabaseProvider provider)
    {
        using var factory = new KaopingFactory(provider);
        var admin = await factory.ClientAsAsync("admin");

        var response = await admin.GetAsync("/api/campaigns/1/results.docx", Cancel);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        using var word = WordprocessingDocument.Open(new MemoryStream(await response.Content.ReadAsByteArrayAsync(Cancel)), false);
        var table = word.MainDocumentPart!.Document!.Body!.Elements<DocumentFormat.OpenXml.Wordprocessing.Table>().Single();
        var rows = table.Elements<DocumentFormat.OpenXml.Wordprocessing.TableRow>()
            .Select(r => r.Elements<DocumentFormat.OpenXml.Wordprocessing.TableCell>().Select(c => c.InnerText).ToList()).ToList();
        Assert.Equal(10, rows.Count);
        Assert.Equal(["1", "鄢陵县", .. Yanling], rows[1]);
        Assert.Equal(["—", "长葛市", "未完成（考评中），不排名", "—", "—", "—", "—", "—"], rows.Single(r => r[1] == "长葛市"));
        Assert.DoesNotContain("…", word.MainDocumentPart.Document.Body.InnerText);
    }

    [Theory]
    [MemberData(nameof(Databases.All), MemberType = typeof(Databases))]
    public async Task ResultsTable_AndRankingExport_ShareTheSchemesRanks_WithTies(DatabaseProvider provider)
    {
        using var factory = new KaopingFactory(provider);
        var admin = await factory.ClientAsAsync("admin");
        await factory.WithDbAsync(db => db.Sheets.ExecuteUpdateAsync(s => s.SetProperty(x => x.State, SheetState.Approved), Cancel));

        var results = await (await admin.GetAsync("/api/campaigns/1/results", Cancel)).JsonAsync();
        var json = await (await admin.GetAsync("/api/campaigns/1/ranking", Cancel)).JsonAsync();
        var table = Rows(await admin.GetByteArrayAsync("/api/campaigns/1/results.xlsx", Cancel)).Skip(3).ToList();
        var ranking = Rows(await admin.GetByteArrayAsync("/api/campaigns/1/reports/ranking.xlsx", Cancel)).Skip(2).ToList();

        static string Text(int rank) => rank.ToString(System.Globalization.CultureInfo.InvariantCulture);
        var expected = results.GetProperty("ranking").EnumerateArray()
            .Select(r => (Text(r.GetProperty("rank").GetInt32()), r.GetProperty("target").GetString()!, r.GetProperty("grade").GetString()!)).ToList();
        Assert.Equal(9, expected.Count);
        Assert.Equal(expected, table.Select(r => (r[0], r[1], r[^1])));
        Assert.Equal(expected, ranking.Select(r => (r[0], r[1], r[^1])));
        Assert.Equal(expected, json.EnumerateArray().Select(r => (Text(r.GetProperty("rank").GetInt32()), r.GetProperty("target").GetString()!,
            r.GetProperty("grade").GetString()!)));
        // The three functional zones have no deduction and no death over their quota: 60 + 40 = 100 each, equal in both
        // tie-breaker parts, so they share rank 1 and the next is 4. The quota 0.3 of 9 holds floor(2.7) = 2 targets: a tie
        // of three cannot stay in 优秀, so none does, and no target is 优秀 (each takes 良好, the next band it meets).
        string[] zones = ["城乡一体化示范区", "东城区", "经济技术开发区"];
        Assert.Equal(zones.Order(), expected.Take(3).Select(e => e.Item2).Order());
        Assert.All(expected.Take(3), e => Assert.Equal(("1", "良好"), (e.Item1, e.Item3)));
        Assert.All(results.GetProperty("ranking").EnumerateArray().Take(3), r => Assert.Equal(100m, r.GetProperty("score").GetDecimal()));
        Assert.Equal("4", expected[3].Item1);
        Assert.DoesNotContain(expected, e => e.Item3 == "优秀");
        Assert.All(json.EnumerateArray().Take(3), r => Assert.Equal(40m, r.GetProperty("sheetScore").GetDecimal()));
    }

    [Fact]
    public async Task ResultsTable_IsForTheOfficeAndLeaders()
    {
        using var factory = new KaopingFactory(DatabaseProvider.Sqlite);

        Assert.Equal(HttpStatusCode.Forbidden, (await (await factory.ClientAsAsync("assessor1")).GetAsync("/api/campaigns/1/results.xlsx", Cancel)).StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, (await (await factory.ClientAsAsync("yanling")).GetAsync("/api/campaigns/1/results.docx", Cancel)).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await (await factory.ClientAsAsync("admin")).GetAsync("/api/campaigns/999/results.xlsx", Cancel)).StatusCode);
    }
}
