using System.Diagnostics;
using System.Net;
using System.Net.Http.Json;
using System.Security.Claims;
using Kaoping.Campaigns;
using Kaoping.Data;
using Kaoping.Web.Services;
using Kaoping.Web.Services.Nodes;
using Kaoping.Web.Tests.Accounts;
using Kaoping.Web.Tests.Api;
using Microsoft.Extensions.DependencyInjection;

namespace Kaoping.Web.Tests.Deployment;

/// <summary>Two web nodes on one PostgreSQL database tell each other of saved sheets and changed users (LISTEN/NOTIFY).</summary>
public class NodeMessagesTests
{
    private static CancellationToken Cancel => TestContext.Current.CancellationToken;

    private static async Task<(KaopingFactory A, KaopingFactory B)> TwoNodesAsync()
    {
        Assert.SkipWhen(Databases.PostgresServer is null, "KAOPING_TEST_POSTGRES is not set: several nodes need PostgreSQL");
        var a = new KaopingFactory(DatabaseProvider.Postgres);
        await a.ReadyAsync();
        var b = new KaopingFactory(a);
        await b.ReadyAsync();
        await a.Services.GetRequiredService<NodeListener>().Listening.WaitAsync(TimeSpan.FromSeconds(10), Cancel);
        await b.Services.GetRequiredService<NodeListener>().Listening.WaitAsync(TimeSpan.FromSeconds(10), Cancel);
        return (a, b);
    }

    [Fact]
    public async Task ASheetSavedOnA_IsAnnouncedOnB_WithinASecond_AndOnlyOnce()
    {
        var (a, b) = await TwoNodesAsync();
        using var first = a;
        using var second = b;
        var sheet = await a.SheetIdAsync("禹州市");
        var heard = new TaskCompletionSource<SheetChange>(TaskCreationOptions.RunContinuationsAsynchronously);
        var count = 0;
        b.Services.GetRequiredService<SheetEvents>().Changed += c =>
        {
            Interlocked.Increment(ref count);
            heard.TrySetResult(c);
        };
        var heardOnA = 0;
        a.Services.GetRequiredService<SheetEvents>().Changed += _ => Interlocked.Increment(ref heardOnA);
        var assessor = await a.ClientAsAsync("assessor1");

        var etag = (await assessor.GetAsync($"/api/sheets/{sheet}", Cancel)).Headers.ETag?.Tag;

        var clock = Stopwatch.StartNew();
        var saved = await assessor.PutFindingsAsync(sheet, "1.1.3", etag, new { findings = new[] { new { clause = 1, count = 1 } } });
        var change = await heard.Task.WaitAsync(TimeSpan.FromSeconds(1), Cancel);
        clock.Stop();

        Assert.Equal(HttpStatusCode.OK, saved.StatusCode);
        var version = await a.WithDbAsync(db => Task.FromResult(db.Sheets.Single(s => s.Id == sheet).Version));
        Assert.Equal((sheet, version, "assessor1", "1.1.3"), (change.SheetId, change.Version, change.By, change.ItemKey));
        Assert.True(clock.Elapsed < TimeSpan.FromSeconds(1), $"heard after {clock.Elapsed}");
        await Task.Delay(300, Cancel);
        // A heard its own save once, in process, and not a second time from the database.
        Assert.Equal((1, 1), (Volatile.Read(ref count), Volatile.Read(ref heardOnA)));
    }

    [Fact]
    public async Task ARoleChangedOnA_IsSeenByBsCallerCacheAndSessions_AtOnce()
    {
        var (a, b) = await TwoNodesAsync();
        using var first = a;
        using var second = b;
        var adminOnB = await b.ClientAsAsync("admin");
        Assert.Equal(HttpStatusCode.Created, (await adminOnB.PostAsJsonAsync("/api/targets", new { name = "甲单位" }, Cancel)).StatusCode);
        var id = await Sessions.IdOfAsync(a, "admin");
        var principal = new ClaimsPrincipal(new ClaimsIdentity([new Claim(ClaimTypes.NameIdentifier, id)], "test"));
        Assert.Equal(Role.Admin, (await CallerOnAsync(b, principal))!.Role); // now kept in B's cache
        var sysadmin = await a.ClientAsAsync("sysadmin");

        var demoted = await sysadmin.PutAsJsonAsync($"/api/users/{id}", new { displayName = "前管理员", roles = new[] { "leader" } }, Cancel);

        Assert.Equal(HttpStatusCode.NoContent, demoted.StatusCode);
        var clock = Stopwatch.StartNew();
        while ((await CallerOnAsync(b, principal))!.Role != Role.Leader)
        {
            Assert.True(clock.Elapsed < TimeSpan.FromSeconds(1), "B still keeps the old role after 1 s (its cache keeps 5 s)");
            await Task.Delay(20, Cancel);
        }
        // B read the session again too: the administrator's token no longer creates anything there.
        var refused = await adminOnB.PostAsJsonAsync("/api/targets", new { name = "乙单位" }, Cancel);
        Assert.Equal(HttpStatusCode.Unauthorized, refused.StatusCode);
        Assert.True(clock.Elapsed < TimeSpan.FromSeconds(1), $"refused after {clock.Elapsed}");
    }

    [Fact]
    public async Task ALogoutOnA_IsRefusedOnB_AtOnce()
    {
        var (a, b) = await TwoNodesAsync();
        using var first = a;
        using var second = b;
        var onA = await a.ClientAsAsync("assessor1");
        var onB = Sessions.Bare(b);
        onB.DefaultRequestHeaders.Authorization = onA.DefaultRequestHeaders.Authorization;
        Assert.Equal(HttpStatusCode.OK, (await onB.GetAsync("/api/notifications", Cancel)).StatusCode); // the token from A works on B

        Assert.Equal(HttpStatusCode.NoContent, (await onA.PostAsync("/api/auth/logout", null, Cancel)).StatusCode);

        var clock = Stopwatch.StartNew();
        while ((await onB.GetAsync("/api/notifications", Cancel)).StatusCode != HttpStatusCode.Unauthorized)
        {
            Assert.True(clock.Elapsed < TimeSpan.FromSeconds(1), "B still takes the ended session after 1 s");
            await Task.Delay(20, Cancel);
        }
    }

    private static async Task<Caller?> CallerOnAsync(KaopingFactory node, ClaimsPrincipal principal)
    {
        await using var scope = node.Services.CreateAsyncScope();
        return await scope.ServiceProvider.GetRequiredService<Callers>().FromAsync(principal, Cancel);
    }
}
