using System.Globalization;
using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Kaoping.Data;
using Kaoping.Web.Tests.Api;
using Kaoping.Web.Tests.Workflow;
using Microsoft.EntityFrameworkCore;

namespace Kaoping.Web.Tests.Office;

/// <summary>
/// Issue 16, item 3 (我的待办): each role's lists from the demo data, as the work moves on. The demo: 禹州市, 长葛市 and
/// 襄城县 are the first team's (assessor1) and being assessed, the three functional zones 7 days late with their
/// self-assessment, 鄢陵县 published.
/// </summary>
public class MyWorkApiTests
{
    private static CancellationToken Cancel => TestContext.Current.CancellationToken;

    private static async Task<JsonElement> WorkAsync(HttpClient client)
    {
        var response = await client.GetAsync("/api/work", Cancel);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        return await response.JsonAsync();
    }

    private static Dictionary<string, JsonElement> Lists(JsonElement work) =>
        work.GetProperty("lists").EnumerateArray().ToDictionary(l => l.GetProperty("kind").GetString()!);

    private static List<string> Targets(JsonElement list) =>
        [.. list.GetProperty("items").EnumerateArray().Select(i => i.GetProperty("target").GetString()!)];

    [Theory]
    [MemberData(nameof(Databases.All), MemberType = typeof(Databases))]
    public async Task Office_SeesOverdueSheets_ThenWhatToReview_AndAppealsToDecide(DatabaseProvider provider)
    {
        using var factory = new KaopingFactory(provider);
        var admin = await factory.ClientAsAsync("admin");
        var assessor = await factory.ClientAsAsync("assessor1");

        var before = Lists(await WorkAsync(admin));
        Assert.Equal(["东城区", "城乡一体化示范区", "经济技术开发区"], Targets(before["overdue"]).Order(StringComparer.Ordinal).ToList());
        Assert.All(before["overdue"].GetProperty("items").EnumerateArray(), i => Assert.Equal(7, i.GetProperty("daysLate").GetInt32()));
        Assert.False(before.ContainsKey("review"));
        Assert.Equal(0, (await WorkAsync(admin)).GetProperty("todo").GetInt32());

        var yuzhou = await factory.SheetIdAsync("禹州市");
        Assert.True((await WorkflowMatrixTests.MoveAsync(assessor, yuzhou, "submitAssessment")).IsSuccessStatusCode);
        var after = await WorkAsync(admin);
        var review = Lists(after)["review"];
        Assert.Equal(1, review.GetProperty("count").GetInt32());
        Assert.Equal(yuzhou, review.GetProperty("items")[0].GetProperty("sheetId").GetInt32());
        Assert.Equal(1, after.GetProperty("todo").GetInt32());

        foreach (var action in new[] { "review", "approve" })
            Assert.True((await WorkflowMatrixTests.MoveAsync(admin, yuzhou, action)).IsSuccessStatusCode);
        Assert.Equal(["禹州市"], Targets(Lists(await WorkAsync(admin))["publish"]));

        var yanling = await factory.SheetIdAsync("鄢陵县");
        var reporter = await factory.ClientAsAsync("yanling");
        var deducted = (await (await reporter.GetAsync($"/api/sheets/{yanling}", Cancel)).JsonAsync()).GetProperty("findings")[0]
            .GetProperty("item").GetString();
        var appeal = await reporter.PostAsJsonAsync($"/api/sheets/{yanling}/appeals", new { item = deducted, reason = "台账已补齐" }, Cancel);
        Assert.Equal(HttpStatusCode.Created, appeal.StatusCode);
        var appeals = Lists(await WorkAsync(admin))["appeals"].GetProperty("items")[0];
        Assert.Equal(yanling, appeals.GetProperty("sheetId").GetInt32());
        Assert.Equal(deducted, appeals.GetProperty("item").GetString());
    }

    [Theory]
    [MemberData(nameof(Databases.All), MemberType = typeof(Databases))]
    public async Task Assessor_SeesTheTeamsSheetsOnly_AndAReturnedOneFirst(DatabaseProvider provider)
    {
        using var factory = new KaopingFactory(provider);
        var admin = await factory.ClientAsAsync("admin");
        var assessor1 = await factory.ClientAsAsync("assessor1");
        var assessor2 = await factory.ClientAsAsync("assessor2");

        var first = Lists(await WorkAsync(assessor1));
        Assert.Equal(["禹州市", "襄城县", "长葛市"], Targets(first["score"]).Order(StringComparer.Ordinal).ToList());
        Assert.False(first.ContainsKey("overdue"));
        Assert.DoesNotContain("禹州市", Targets(Lists(await WorkAsync(assessor2))["score"]));

        var yuzhou = await factory.SheetIdAsync("禹州市");
        Assert.True((await WorkflowMatrixTests.MoveAsync(assessor1, yuzhou, "submitAssessment")).IsSuccessStatusCode);
        Assert.DoesNotContain("禹州市", Targets(Lists(await WorkAsync(assessor1))["score"]));
        Assert.True((await WorkflowMatrixTests.MoveAsync(admin, yuzhou, "returnForRevision", "请补充扣分原因")).IsSuccessStatusCode);

        var returned = Lists(await WorkAsync(assessor1))["score"].GetProperty("items")[0];
        Assert.Equal("禹州市", returned.GetProperty("target").GetString());
        Assert.True(returned.GetProperty("returned").GetBoolean());
    }

    [Theory]
    [MemberData(nameof(Databases.All), MemberType = typeof(Databases))]
    public async Task Reporter_SeesTheSelfAssessmentToFill_ItsDeadline_AndWhenItCameBack(DatabaseProvider provider)
    {
        using var factory = new KaopingFactory(provider);
        var admin = await factory.ClientAsAsync("admin");
        var yuzhouClient = await factory.ClientAsAsync("yuzhou");
        Assert.Empty(Lists(await WorkAsync(yuzhouClient)));

        var today = factory.Services.GetService(typeof(Services.OfficeCalendar)) is Services.OfficeCalendar c ? c.Today : default;
        var (targets, assessor) = await factory.WithDbAsync(async db => (
            await db.Targets.Where(t => t.Name == "禹州市" || t.Name == "长葛市").OrderBy(t => t.Id).Select(t => t.Id).ToListAsync(),
            await db.Users.Where(u => u.UserName == "assessor1").Select(u => u.Id).SingleAsync()));
        var created = await admin.PostAsJsonAsync("/api/campaigns", new
        {
            name = "2019年度考评", year = 2019, rubricId = 1, targetIds = targets,
            selfAssessmentDue = today.AddDays(2).ToString("yyyy-MM-dd", CultureInfo.InvariantCulture),
            teams = new[] { new { name = "第一组", memberUserIds = new[] { assessor }, targetIds = targets } },
        }, Cancel);
        Assert.Equal(HttpStatusCode.Created, created.StatusCode);

        var work = await WorkAsync(yuzhouClient);
        var fill = Lists(work)["selfAssess"];
        Assert.Equal(["禹州市"], Targets(fill));
        Assert.Equal(["禹州市"], Targets(Lists(work)["dueSoon"]));
        Assert.Equal(1, work.GetProperty("todo").GetInt32());
        var sheet = fill.GetProperty("items")[0].GetProperty("sheetId").GetInt32();
        Assert.False(fill.GetProperty("items")[0].GetProperty("returned").GetBoolean());

        Assert.True((await WorkflowMatrixTests.MoveAsync(yuzhouClient, sheet, "submitSelfAssessment")).IsSuccessStatusCode);
        Assert.Empty(Lists(await WorkAsync(yuzhouClient)));
        var team = await factory.ClientAsAsync("assessor1");
        Assert.True((await WorkflowMatrixTests.MoveAsync(team, sheet, "returnSelfAssessment", "请补充佐证材料")).IsSuccessStatusCode);
        var back = Lists(await WorkAsync(yuzhouClient))["selfAssess"].GetProperty("items")[0];
        Assert.True(back.GetProperty("returned").GetBoolean());
        // 长葛市's reporter sees its own sheet only
        Assert.Equal(["长葛市"], Targets(Lists(await WorkAsync(await factory.ClientAsAsync("changge")))["selfAssess"]));
    }

    [Theory]
    [MemberData(nameof(Databases.All), MemberType = typeof(Databases))]
    public async Task Leader_WatchesOverdueSheets_AndTheSystemAdministratorHasNoAssessmentWork(DatabaseProvider provider)
    {
        using var factory = new KaopingFactory(provider);

        var leader = await WorkAsync(await factory.ClientAsAsync("leader"));
        Assert.Equal(0, leader.GetProperty("todo").GetInt32());
        Assert.Equal(["overdue"], Lists(leader).Keys);
        Assert.Equal(3, Lists(leader)["overdue"].GetProperty("count").GetInt32());
        foreach (var user in new[] { "sysadmin", "auditor" })
            Assert.Empty(Lists(await WorkAsync(await factory.ClientAsAsync(user))));
    }
}
