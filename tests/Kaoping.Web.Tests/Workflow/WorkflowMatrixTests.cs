using System.Net;
using System.Net.Http.Json;
using Kaoping.Data;
using Kaoping.Web.Tests.Api;
using Microsoft.EntityFrameworkCore;

namespace Kaoping.Web.Tests.Workflow;

/// <summary>
/// Every action by every kind of user in every state, through the API on both databases. The expectations are written
/// out by hand from the issue, not read from <c>SheetWorkflow</c>.
/// </summary>
public class WorkflowMatrixTests
{
    private static readonly string[] s_actions =
        ["startSelfAssessment", "submitSelfAssessment", "returnSelfAssessment", "startAssessment", "submitAssessment", "review", "returnForRevision",
            "approve", "publish"];

    private static readonly string[] s_users = ["admin", "assessor1", "assessor2", "yuzhou", "leader"];

    // state → the (user, action) pairs allowed in it, and the state each leads to
    private static readonly Dictionary<string, (string User, string Action, string To)[]> s_allowed = new()
    {
        ["notStarted"] = [("admin", "startSelfAssessment", "selfAssessing"), ("admin", "startAssessment", "assessing"), ("assessor1", "startAssessment",
            "assessing")],
        ["selfAssessing"] = [("yuzhou", "submitSelfAssessment", "selfAssessed")],
        ["selfAssessed"] = [("assessor1", "returnSelfAssessment", "selfAssessing"), ("assessor1", "startAssessment", "assessing"), ("admin",
            "startAssessment", "assessing")],
        ["assessing"] = [("assessor1", "submitAssessment", "assessed")],
        ["assessed"] = [("admin", "review", "reviewed"), ("admin", "returnForRevision", "assessing")],
        ["reviewed"] = [("admin", "approve", "approved"), ("admin", "returnForRevision", "assessing")],
        ["approved"] = [("admin", "publish", "published")],
        ["published"] = [],
    };

    // who may ever take an action (in some state): anyone else is refused with 403, these with 409 in another state
    private static readonly Dictionary<string, string[]> s_mayEver = new()
    {
        ["admin"] = ["startSelfAssessment", "startAssessment", "review", "returnForRevision", "approve", "publish"],
        ["assessor1"] = ["returnSelfAssessment", "startAssessment", "submitAssessment"],
        ["yuzhou"] = ["submitSelfAssessment"],
        ["leader"] = [],
    };

    // the path that brings a new sheet (未开始) to each state
    private static readonly (string User, string Action)[] s_path =
        [("admin", "startSelfAssessment"), ("yuzhou", "submitSelfAssessment"), ("assessor1", "startAssessment"), ("assessor1", "submitAssessment"),
         ("admin", "review"), ("admin", "approve"), ("admin", "publish")];

    private static readonly string[] s_states = ["notStarted", "selfAssessing", "selfAssessed", "assessing", "assessed", "reviewed", "approved", "published"];

    [Theory]
    [MemberData(nameof(Databases.All), MemberType = typeof(Databases))]
    public async Task EveryAction_ByEveryRole_InEveryState_IsAllowedOrRefusedAsTheIssueSays(DatabaseProvider provider)
    {
        using var factory = new KaopingFactory(provider);
        var clients = new Dictionary<string, HttpClient>();
        foreach (var user in s_users)
            clients[user] = await factory.ClientAsAsync(user);
        var cancel = TestContext.Current.CancellationToken;

        for (var depth = 0; depth < s_states.Length; depth++)
        {
            var state = s_states[depth];
            var sheet = await NewSheetAsync(factory, clients["admin"], depth);
            Assert.Equal(state, await StateAsync(clients["admin"], sheet));

            foreach (var user in s_users)
            {
                foreach (var action in s_actions)
                {
                    if (s_allowed[state].Any(a => a.User == user && a.Action == action))
                        continue;
                    var before = await factory.WithDbAsync(db => db.Sheets.Where(s => s.Id == sheet).Select(s => new { s.Version,
                        s.State }).SingleAsync(cancel));
                    var response = await MoveAsync(clients[user], sheet, action);
                    var expected = user == "assessor2" ? HttpStatusCode.NotFound
                        : s_mayEver[user].Contains(action) ? HttpStatusCode.Conflict
                        : HttpStatusCode.Forbidden;
                    Assert.True(expected == response.StatusCode, $"{state}: {user} {action} gave {(int)response.StatusCode}, expected {(int)expected}");
                    Assert.Equal(before, await factory.WithDbAsync(db => db.Sheets.Where(s => s.Id == sheet).Select(s => new { s.Version,
                        s.State }).SingleAsync(cancel)));
                }
            }

            foreach (var (user, action, to) in s_allowed[state])
            {
                var fresh = await NewSheetAsync(factory, clients["admin"], depth);
                var response = await MoveAsync(clients[user], fresh, action);
                Assert.True(HttpStatusCode.OK == response.StatusCode, $"{state}: {user} {action} gave {(int)response.StatusCode}");
                Assert.Equal(to, (await response.JsonAsync()).GetProperty("state").GetString());
                var step = await factory.WithDbAsync(db => db.SheetTransitions.Where(t => t.SheetId == fresh).OrderByDescending(t => t.Id).Select(t => new { t.By, Action = t.Action.ToString() }).FirstAsync(cancel));
                Assert.Equal(user, step.By);
                Assert.Equal(action, System.Text.Json.JsonNamingPolicy.CamelCase.ConvertName(step.Action));
            }
        }
    }

    [Fact]
    public async Task Returns_WithoutAComment_Are400AndChangeNothing()
    {
        using var factory = new KaopingFactory(DatabaseProvider.Sqlite);
        var admin = await factory.ClientAsAsync("admin");
        var assessor = await factory.ClientAsAsync("assessor1");
        var selfAssessed = await NewSheetAsync(factory, admin, 2);
        var assessed = await NewSheetAsync(factory, admin, 4);

        Assert.Equal(HttpStatusCode.BadRequest, (await MoveAsync(assessor, selfAssessed, "returnSelfAssessment", " ")).StatusCode);
        Assert.Equal(HttpStatusCode.BadRequest, (await MoveAsync(admin, assessed, "returnForRevision", "")).StatusCode);

        Assert.Equal("selfAssessed", await StateAsync(admin, selfAssessed));
        Assert.Equal("assessed", await StateAsync(admin, assessed));
    }

    [Fact]
    public async Task NewCampaigns_OpenTheSelfAssessment_OrWaitForTheTeam()
    {
        using var factory = new KaopingFactory(DatabaseProvider.Sqlite);
        var admin = await factory.ClientAsAsync("admin");

        var withSelf = await CreateCampaignAsync(factory, admin, selfAssessment: true);
        var withoutSelf = await CreateCampaignAsync(factory, admin, selfAssessment: false);

        Assert.Equal("selfAssessing", await StateAsync(admin, withSelf));
        Assert.Equal("notStarted", await StateAsync(admin, withoutSelf));
        var opened = await factory.WithDbAsync(db => db.SheetTransitions.Where(t => t.SheetId == withSelf).Select(t => t.By).SingleAsync());
        Assert.Equal("admin", opened);
    }

    internal static async Task<HttpResponseMessage> MoveAsync(HttpClient client, int sheet, string action, string? comment = "请按意见修改") =>
        await client.PostAsJsonAsync($"/api/sheets/{sheet}/transitions", new { action, comment }, TestContext.Current.CancellationToken);

    internal static async Task<string?> StateAsync(HttpClient client, int sheet) =>
        (await (await client.GetAsync($"/api/sheets/{sheet}", TestContext.Current.CancellationToken)).JsonAsync()).GetProperty("state").GetString();

    /// <summary>A new campaign over 禹州市 (team: assessor1), its sheet moved <paramref name="steps"/> steps along the path.</summary>
    internal static async Task<int> NewSheetAsync(KaopingFactory factory, HttpClient admin, int steps)
    {
        var sheet = await CreateCampaignAsync(factory, admin, selfAssessment: false);
        var clients = new Dictionary<string, HttpClient> { ["admin"] = admin };
        foreach (var (user, action) in s_path.Take(steps))
        {
            if (!clients.TryGetValue(user, out var client))
                clients[user] = client = await factory.ClientAsAsync(user);
            var response = await MoveAsync(client, sheet, action);
            Assert.True(response.IsSuccessStatusCode, $"{user} {action}: {(int)response.StatusCode}");
        }
        return sheet;
    }

    internal static async Task<int> CreateCampaignAsync(KaopingFactory factory, HttpClient admin, bool selfAssessment, string? appealDue = null,
        string[]? team = null,
        int rubricId = 1)
    {
        team ??= ["assessor1"];
        var (yuzhou, members) = await factory.WithDbAsync(async db => (
            await db.Targets.Where(t => t.Name == "禹州市").Select(t => t.Id).SingleAsync(),
            await db.Users.Where(u => team.Contains(u.UserName!)).Select(u => u.Id).ToListAsync()));
        var response = await admin.PostAsJsonAsync("/api/campaigns", new
        {
            name = "测试考评 " + Guid.NewGuid().ToString("N")[..6],
            year = 2019,
            rubricId,
            targetIds = new[] { yuzhou },
            teams = new[] { new { name = "测试组", memberUserIds = members, targetIds = new[] { yuzhou } } },
            selfAssessment,
            appealDue,
        }, TestContext.Current.CancellationToken);
        Assert.Equal(HttpStatusCode.Created, response.StatusCode);
        var campaign = (await response.JsonAsync()).GetProperty("id").GetInt32();
        return await factory.WithDbAsync(db => db.Sheets.Where(s => s.CampaignId == campaign).Select(s => s.Id).SingleAsync());
    }
}
