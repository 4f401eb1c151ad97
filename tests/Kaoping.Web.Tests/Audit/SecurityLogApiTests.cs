using System.Net;
using System.Net.Http.Json;
using Kaoping.Data;
using Kaoping.Web.Tests.Api;
using Kaoping.Web.Tests.Workflow;
using Microsoft.EntityFrameworkCore;

namespace Kaoping.Web.Tests.Audit;

/// <summary>Security events are recorded in the chained log and readable by the audit readers only; tampered evidence is not served.</summary>
public class SecurityLogApiTests
{
    private static CancellationToken Cancel => TestContext.Current.CancellationToken;

    [Theory]
    [MemberData(nameof(Databases.All), MemberType = typeof(Databases))]
    public async Task SignIns_AndAUserCreated_AreInTheLog_ForTheAuditReaderOnly(DatabaseProvider provider)
    {
        using var factory = new KaopingFactory(provider);
        var sysadmin = await factory.ClientAsAsync("sysadmin");
        var auditor = await factory.ClientAsAsync("auditor");
        var assessor = await factory.ClientAsAsync("assessor1");
        var failed = await factory.CreateClient().PostAsJsonAsync("/api/auth/login", new { userName = "assessor2", password = "wrong-password" }, Cancel);
        var created = await sysadmin.PostAsJsonAsync("/api/users", new { userName = "leader9", displayName = "领导", password = "Kaoping@2026", role = "leader" },
            Cancel);

        var log = await auditor.GetAsync("/api/audit/security-log", Cancel);
        var refused = await assessor.GetAsync("/api/audit/security-log", Cancel);
        var office = await (await factory.ClientAsAsync("admin")).GetAsync("/api/audit/security-log", Cancel);
        var verify = await (await auditor.GetAsync("/api/audit/verify", Cancel)).JsonAsync();

        Assert.Equal(HttpStatusCode.Unauthorized, failed.StatusCode);
        Assert.Equal(HttpStatusCode.Created, created.StatusCode);
        Assert.Equal(HttpStatusCode.OK, log.StatusCode);
        var events = (await log.JsonAsync()).EnumerateArray().Select(e => (e.GetProperty("kind").GetString(), e.GetProperty("userName").GetString())).ToList();
        Assert.Equal([("userCreated", "leader9"), ("signInFailed", "assessor2"), ("signedIn", "assessor1"), ("signedIn", "auditor"), ("signedIn", "sysadmin")],
            events);
        Assert.Equal(HttpStatusCode.Forbidden, refused.StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, office.StatusCode);
        Assert.Contains("只有安全审计员", await refused.Content.ReadAsStringAsync(Cancel));
        Assert.True(verify.GetProperty("intact").GetBoolean(), verify.ToString());
        Assert.Equal(6, verify.GetProperty("events").GetInt64()); // and the office's sign-in
    }

    [Theory]
    [MemberData(nameof(Databases.All), MemberType = typeof(Databases))]
    public async Task AnEvidenceFileChangedOnDisk_IsRefusedWith409_AndLogged(DatabaseProvider provider)
    {
        using var factory = new KaopingFactory(provider);
        var assessor = await factory.ClientAsAsync("assessor1");
        var admin = await factory.ClientAsAsync("auditor");
        var yuzhou = await factory.SheetIdAsync("禹州市");
        var upload = await (await EvidenceApiTests.UploadAsync(assessor, yuzhou, "1.1.3", EvidenceApiTests.Pdf(), "会议纪要.pdf")).JsonAsync();
        var id = upload.GetProperty("id").GetInt64();
        var sha = upload.GetProperty("sha256").GetString()!;
        var file = Path.Combine(factory.DataDirectory, "evidence", sha[..2], sha);
        await File.AppendAllTextAsync(file, "% 改动", Cancel);

        var download = await assessor.GetAsync($"/api/sheets/{yuzhou}/evidence/{id}", Cancel);

        Assert.Equal(HttpStatusCode.Conflict, download.StatusCode);
        Assert.Contains("佐证材料文件缺失或已被改动", await download.Content.ReadAsStringAsync(Cancel));
        var newest = (await (await admin.GetAsync("/api/audit/security-log?take=1", Cancel)).JsonAsync())[0];
        Assert.Equal("evidenceTampered", newest.GetProperty("kind").GetString());
        Assert.Contains($"#{id}", newest.GetProperty("detail").GetString());
        var verify = await (await admin.GetAsync("/api/audit/verify", Cancel)).JsonAsync();
        Assert.False(verify.GetProperty("intact").GetBoolean());
        Assert.Contains($"佐证材料 #{id}", verify.GetProperty("problem").GetString());
        Assert.Equal(0, await factory.WithDbAsync(db => db.SecurityLog.CountAsync(e => e.Hash == null || e.Hash == "", Cancel)));
    }
}
