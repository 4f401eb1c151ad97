using System.Net;
using System.Text;
using Kaoping.Data;
using Kaoping.Web.Tests.Api;
using Microsoft.AspNetCore.Routing;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace Kaoping.Web.Tests.Accounts;

/// <summary>
/// Issue 13, item 4 (三员分立): every API operation the app maps, called by the system administrator, the security
/// auditor and the office. The expectations are written out by hand; an operation added later without an expectation
/// fails the test.
/// </summary>
public class SeparationOfDutiesTests
{
    private static CancellationToken Cancel => TestContext.Current.CancellationToken;

    // Operations anyone signed in may read; they show no assessment data to these roles (empty lists, reference data).
    private static readonly string[] s_readable = ["GET /api/targets", "GET /api/rubrics", "GET /api/rubrics/{id:int}", "GET /api/campaigns",
        "GET /api/schemes", "GET /api/schemes/{id:int}", "GET /api/work"];

    // One's own account: the answer to an empty body is 400, never 401/403.
    private static readonly string[] s_own = ["POST /api/account/password", "GET /api/notifications", "POST /api/notifications/{id:long}/read",
        "GET /api/account/mail", "PUT /api/account/mail"];

    // The security log and the integrity check: the security auditor's alone.
    private static readonly string[] s_audit = ["GET /api/audit/security-log", "GET /api/audit/verify"];

    private static readonly string[] s_users =
        ["GET /api/users", "POST /api/users", "PUT /api/users/{id}", "POST /api/users/{id}/disable", "POST /api/users/{id}/enable",
         "POST /api/users/{id}/password-reset", "GET /api/users/template.xlsx", "GET /api/users/export.xlsx", "POST /api/users/import"];

    // Not called here: signing in and out have their own tests (AuthApiTests, RevocationTests).
    private static readonly string[] s_skipped = ["POST /api/auth/login", "POST /api/auth/logout"];

    private static readonly string[] s_assessmentWork =
        ["POST /api/targets", "GET /api/targets/template.xlsx", "GET /api/targets/export.xlsx", "POST /api/targets/import",
         "POST /api/rubrics", "POST /api/campaigns", "GET /api/campaigns/{id:int}/sheets", "GET /api/campaigns/{id:int}/ranking",
         "GET /api/campaigns/{id:int}/reports/{report}", "GET /api/sheets/{id:int}", "GET /api/sheets/{id:int}/export",
         "POST /api/sheets/{id:int}/transitions", "PUT /api/sheets/{id:int}/items/{key}/findings", "GET /api/sheets/{id:int}/audit",
         "POST /api/sheets/{id:int}/items/{key}/evidence", "GET /api/sheets/{id:int}/evidence/{evidenceId:long}",
         "DELETE /api/sheets/{id:int}/evidence/{evidenceId:long}", "POST /api/sheets/{id:int}/appeals",
         "POST /api/sheets/{id:int}/appeals/{appealId:long}/decision", "POST /api/campaigns/{id:int}/transitions", "PUT /api/campaigns/{id:int}",
         "GET /api/campaigns/{id:int}/audit", "POST /api/sheets/{id:int}/deadline", "GET /api/campaigns/{id:int}/results",
         "PUT /api/sheets/{id:int}/items/{key}/not-applicable", "DELETE /api/sheets/{id:int}/items/{key}/not-applicable",
         "GET /api/campaigns/{id:int}/results.xlsx", "GET /api/campaigns/{id:int}/results.docx",
         "POST /api/rubrics/{id:int}/archive", "POST /api/rubrics/{id:int}/restore", "DELETE /api/rubrics/{id:int}",
         "POST /api/schemes", "GET /api/campaigns/{id:int}/accidents", "GET /api/campaigns/{id:int}/accidents/template.xlsx",
         "PUT /api/campaigns/{id:int}/accidents/{targetId:int}", "POST /api/campaigns/{id:int}/accidents/import",
         "GET /api/campaigns/{id:int}/adjustments", "POST /api/campaigns/{id:int}/adjustments",
         "POST /api/campaigns/{id:int}/adjustments/{adjustmentId:int}/withdraw"];

    [Theory]
    [MemberData(nameof(Databases.All), MemberType = typeof(Databases))]
    public async Task EveryApiOperation_ByTheNewRoles_IsAllowedOrRefusedAsTheSeparationSays(DatabaseProvider provider)
    {
        using var factory = new KaopingFactory(provider);
        var operations = Operations(factory);
        var known = s_readable.Concat(s_own).Concat(s_audit).Concat(s_users).Concat(s_skipped).Concat(s_assessmentWork).ToHashSet();
        Assert.DoesNotContain(operations, o => !known.Contains(o));
        var leader = await Sessions.IdOfAsync(factory, "leader");
        var before = await SnapshotAsync(factory);

        foreach (var user in new[] { "auditor", "sysadmin", "admin" })
        {
            var client = await factory.ClientAsAsync(user);
            foreach (var operation in operations.Where(o => !s_skipped.Contains(o)))
            {
                // The system administrator's user operations change users: checked below, apart.
                if (user == "sysadmin" && s_users.Contains(operation))
                    continue;
                var status = await CallAsync(client, operation, leader);
                if (user == "admin")
                {
                    // The office keeps its assessment work (the sheet's own rules decide each step there), has no users and no security log.
                    var expected = s_users.Contains(operation) || s_audit.Contains(operation) ? status == HttpStatusCode.Forbidden
                        : status != HttpStatusCode.Unauthorized;
                    Assert.True(expected, $"{user}: {operation} gave {(int)status}");
                    continue;
                }
                var allowed = s_readable.Contains(operation) || s_own.Contains(operation)
                    || (user == "auditor" && (operation == "GET /api/sheets/{id:int}/audit" || s_audit.Contains(operation)));
                if (allowed)
                    Assert.True(status is not (HttpStatusCode.Unauthorized or HttpStatusCode.Forbidden), $"{user}: {operation} gave {(int)status}");
                else // refused; an empty body (400) or one without If-Match (428) may be refused as such first — nothing changes either way
                    Assert.True(status is HttpStatusCode.Forbidden or HttpStatusCode.NotFound or HttpStatusCode.BadRequest
                        or HttpStatusCode.PreconditionRequired,
                        $"{user}: {operation} gave {(int)status}");
            }
            if (user != "admin")
                Assert.Equal(before, await SnapshotAsync(factory));
        }

        var sysadmin = await factory.ClientAsAsync("sysadmin");
        foreach (var operation in s_users)
            Assert.True((int)await CallAsync(sysadmin, operation, leader) is 200 or 201 or 204 or 400, operation);
        Assert.Equal("[]", await (await factory.ClientAsAsync("sysadmin")).GetStringAsync("/api/campaigns", Cancel));
    }

    [Fact]
    public async Task TheAuditor_ReadsASheet_sAuditTrail_ButNotTheSheet()
    {
        using var factory = new KaopingFactory(DatabaseProvider.Sqlite);
        var auditor = await factory.ClientAsAsync("auditor");

        var audit = await auditor.GetAsync("/api/sheets/1/audit", Cancel);
        var sheet = await auditor.GetAsync("/api/sheets/1", Cancel);

        Assert.Equal(HttpStatusCode.OK, audit.StatusCode);
        Assert.True((await audit.JsonAsync()).GetArrayLength() > 0);
        Assert.Equal(HttpStatusCode.NotFound, sheet.StatusCode);
    }

    private static List<string> Operations(KaopingFactory factory) =>
        [.. factory.Services.GetRequiredService<EndpointDataSource>().Endpoints.OfType<RouteEndpoint>()
            .Where(e => e.RoutePattern.RawText is { } raw && raw.StartsWith("/api/", StringComparison.Ordinal) && !raw.StartsWith("/api/reference",
                StringComparison.Ordinal))
            .SelectMany(e => (e.Metadata.GetMetadata<Microsoft.AspNetCore.Routing.HttpMethodMetadata>()?.HttpMethods ?? []).Select(m => m + " " + Path(e)))
            .Distinct()];

    // A group's own route is written with a slash at the end ("/api/users/"): without it, as clients call it.
    private static string Path(RouteEndpoint endpoint) => endpoint.RoutePattern.RawText!.TrimEnd('/');

    private static async Task<HttpStatusCode> CallAsync(HttpClient client, string operation, string userId)
    {
        var (method, pattern) = (operation.Split(' ')[0], operation.Split(' ')[1]);
        var path = pattern.Replace("{id:int}", "1", StringComparison.Ordinal).Replace("{id:long}", "1", StringComparison.Ordinal)
            .Replace("{id}", userId, StringComparison.Ordinal)
            .Replace("{key}", "1.1.1", StringComparison.Ordinal).Replace("{evidenceId:long}", "1", StringComparison.Ordinal)
            .Replace("{appealId:long}", "1", StringComparison.Ordinal).Replace("{report}", "ranking.xlsx", StringComparison.Ordinal)
            .Replace("{targetId:int}", "1", StringComparison.Ordinal).Replace("{adjustmentId:int}", "1", StringComparison.Ordinal);
        using var request = new HttpRequestMessage(new HttpMethod(method), path);
        // Uploads are forms: sent as such, so that the rights decide and not the content type (415).
        if (operation is "POST /api/rubrics" or "POST /api/campaigns/{id:int}/accidents/import" or "POST /api/targets/import" or "POST /api/users/import"
            || operation.EndsWith("/evidence", StringComparison.Ordinal))
            request.Content = new MultipartFormDataContent { { new ByteArrayContent("附件1"u8.ToArray()), "file", "x.txt" } };
        else if (method is "POST" or "PUT")
            request.Content = new StringContent("{}", Encoding.UTF8, "application/json");
        return (await client.SendAsync(request, Cancel)).StatusCode;
    }

    private static Task<string> SnapshotAsync(KaopingFactory factory) => factory.WithDbAsync(async db =>
        string.Join(",", await db.Sheets.OrderBy(s => s.Id).Select(s => s.Version).ToListAsync(Cancel))
        + $"|{await db.Campaigns.CountAsync(Cancel)}|{await db.Targets.CountAsync(Cancel)}|{await db.Rubrics.CountAsync(Cancel)}"
        + $"|{await db.SheetAudit.CountAsync(Cancel)}|{await db.Users.CountAsync(Cancel)}|{await db.UserRoles.CountAsync(Cancel)}"
        + $"|{await db.SheetAppeals.CountAsync(Cancel)}|{await db.SheetEvidence.CountAsync(Cancel)}"
        + $"|{await db.Schemes.CountAsync(Cancel)}|{await db.CampaignAudit.CountAsync(Cancel)}|{await db.ResultAdjustments.CountAsync(Cancel)}"
        + $"|{string.Join(",", await db.AccidentStatistics.OrderBy(a => a.Id).Select(a => a.Deaths).ToListAsync(Cancel))}");
}
