using System.Net;
using Kaoping.Data;
using Kaoping.Web.Tests.Api;
using Microsoft.EntityFrameworkCore;

namespace Kaoping.Web.Tests.Workflow;

public class AuditApiTests
{
    [Theory]
    [MemberData(nameof(Databases.All), MemberType = typeof(Databases))]
    public async Task EveryChange_IsInTheTrail_WithWhoWhenBeforeAfterAndWhy(DatabaseProvider provider)
    {
        using var factory = new KaopingFactory(provider);
        var assessor = await factory.ClientAsAsync("assessor1");
        var admin = await factory.ClientAsAsync("admin");
        var yuzhou = await factory.SheetIdAsync("禹州市");
        var etag = (await assessor.GetAsync($"/api/sheets/{yuzhou}", TestContext.Current.CancellationToken)).Headers.ETag!.ToString();

        var put = await assessor.PutFindingsAsync(yuzhou, "1.1.2", etag, new { findings = new[] { new { clause = 1, count = 1 } }, remark = "少1次" });
        await WorkflowMatrixTests.MoveAsync(assessor, yuzhou, "submitAssessment");
        await WorkflowMatrixTests.MoveAsync(admin, yuzhou, "returnForRevision", "请附会议纪要");
        var trail = (await (await admin.GetAsync($"/api/sheets/{yuzhou}/audit", TestContext.Current.CancellationToken)).JsonAsync()).EnumerateArray().ToList();

        Assert.Equal(HttpStatusCode.OK, put.StatusCode);
        var finding = trail.Single(e => e.GetProperty("kind").GetString() == "findings");
        Assert.Equal("assessor1", finding.GetProperty("by").GetString());
        Assert.Equal("1.1.2", finding.GetProperty("item").GetString());
        Assert.Equal("得分1：未扣分", finding.GetProperty("before").GetString());
        Assert.Equal("得分0.5：少1次，扣0.5分；说明：少1次", finding.GetProperty("after").GetString());
        var returned = trail.Last();
        Assert.Equal("transition", returned.GetProperty("kind").GetString());
        Assert.Equal("考评已提交", returned.GetProperty("before").GetString());
        Assert.Equal("考评中", returned.GetProperty("after").GetString());
        Assert.Equal("退回修改：请附会议纪要", returned.GetProperty("why").GetString());
        Assert.True(trail.Zip(trail.Skip(1)).All(p => p.First.GetProperty("at").GetDateTimeOffset() <= p.Second.GetProperty("at").GetDateTimeOffset()));
    }

    [Fact]
    public async Task AReporter_DoesNotSeeTheTeamsFindingsInTheTrail_BeforePublication()
    {
        using var factory = new KaopingFactory(DatabaseProvider.Sqlite);
        var reporter = await factory.ClientAsAsync("changge");
        var assessor = await factory.ClientAsAsync("assessor1");
        var changge = await factory.SheetIdAsync("长葛市");
        Assert.Equal(System.Net.HttpStatusCode.Created, (await EvidenceApiTests.UploadAsync(assessor, changge, "3.2.2", EvidenceApiTests.Pdf(),
            "抽查记录.pdf")).StatusCode);

        var kinds = (await (await reporter.GetAsync($"/api/sheets/{changge}/audit", TestContext.Current.CancellationToken)).JsonAsync())
            .EnumerateArray().Select(e => e.GetProperty("kind").GetString()).ToList();

        Assert.Contains("selfAssessment", kinds);
        Assert.Contains("transition", kinds);
        Assert.DoesNotContain("findings", kinds);
        Assert.DoesNotContain("evidenceAdded", kinds);
        Assert.Equal(HttpStatusCode.NotFound, (await reporter.GetAsync($"/api/sheets/{await factory.SheetIdAsync("禹州市")}/audit",
            TestContext.Current.CancellationToken)).StatusCode);
    }

    [Fact]
    public async Task Entries_CannotBeChangedOrDeleted()
    {
        using var factory = new KaopingFactory(DatabaseProvider.Sqlite);

        var edit = await Record.ExceptionAsync(() => factory.WithDbAsync(async db =>
        {
            var entry = await db.SheetAudit.FirstAsync();
            entry.After = "篡改";
            return await db.SaveChangesAsync();
        }));
        var delete = await Record.ExceptionAsync(() => factory.WithDbAsync(async db =>
        {
            db.SheetAudit.Remove(await db.SheetAudit.FirstAsync());
            return await db.SaveChangesAsync();
        }));

        Assert.IsType<InvalidOperationException>(edit);
        Assert.IsType<InvalidOperationException>(delete);
        Assert.DoesNotContain("篡改", await factory.WithDbAsync(db => db.SheetAudit.Select(e => e.After ?? "").ToListAsync()));
    }
}
