using System.Net;
using System.Text.RegularExpressions;
using Kaoping.Data;
using Kaoping.Data.Entities;
using Kaoping.Web.Tests.Accounts;
using Kaoping.Web.Tests.Api;

namespace Kaoping.Web.Tests.Audit;

/// <summary>Issue 13: a flood of failed sign-ins is written as a few events and one count per window, still chained.</summary>
public partial class SecurityEventFloodTests
{
    private const string Attacker = "203.0.113.44";

    private static CancellationToken Cancel => TestContext.Current.CancellationToken;

    [Fact]
    public async Task AFloodOfFailures_IsWrittenAsAtMostNEvents_AndOneCountOfTheRest_StillChained()
    {
        using var factory = new KaopingFactory(DatabaseProvider.Sqlite);
        factory.Settings["Kaoping:Security:FailureEventsPerWindow"] = "3";
        factory.Settings["Kaoping:Security:FailureEventWindow"] = "00:00:04";
        factory.Settings["Kaoping:Security:LockoutFailures"] = "1000";
        factory.Settings["Kaoping:Security:FailuresPerAccount"] = "1000";
        factory.Settings["Kaoping:Security:FailuresPerAddress"] = "1000";
        const int Attempts = 12;
        for (var i = 0; i < Attempts; i++)
            Assert.Equal(HttpStatusCode.Unauthorized, (await Sessions.LoginAsync(factory, "leader", "Cuowu#2026" + i, Attacker)).StatusCode);

        // The count is written when its window is over, without another failure to bring it.
        var deadline = DateTime.UtcNow.AddSeconds(30);
        List<SecurityEvent> events;
        do
        {
            await Task.Delay(500, Cancel);
            events = await factory.WithDbAsync(db => Task.FromResult(db.SecurityLog.Where(e => e.Address == Attacker).OrderBy(e => e.Id).ToList()));
        }
        while (!events.Any(e => e.Kind == SecurityEventKind.EventsSuppressed) && DateTime.UtcNow < deadline);

        var written = events.Count(e => e.Kind == SecurityEventKind.SignInFailed);
        var counted = events.Where(e => e.Kind == SecurityEventKind.EventsSuppressed)
            .Sum(e => int.Parse(Count().Match(e.Detail!).Groups[1].Value, System.Globalization.CultureInfo.InvariantCulture));
        Assert.True(counted > 0, string.Join("\n", events.Select(e => $"{e.Kind} {e.Detail}")));
        Assert.Equal(Attempts, written + counted);
        // Three a window; twelve attempts span at most a few windows even on a loaded machine.
        Assert.True(written <= 3 * 3, $"{written} written");
        Assert.All(events, e => Assert.Equal("leader", e.UserName));
        var auditor = await factory.ClientAsAsync("auditor");
        var verify = await (await auditor.GetAsync("/api/audit/verify", Cancel)).JsonAsync();
        Assert.True(verify.GetProperty("intact").GetBoolean(), verify.ToString());
        var log = await (await auditor.GetAsync("/api/audit/security-log?take=500", Cancel)).JsonAsync();
        Assert.Contains(log.EnumerateArray(), e => e.GetProperty("kind").GetString() == "eventsSuppressed"
            && e.GetProperty("what").GetString() == "同类事件合并记录");
    }

    [GeneratedRegex("另有(\\d+)次")]
    private static partial Regex Count();
}
