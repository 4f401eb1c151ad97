using System.Collections.Concurrent;
using System.Diagnostics.Metrics;
using System.Net;
using System.Net.Http.Json;
using Kaoping.Data;
using Kaoping.Web.Telemetry;
using Kaoping.Web.Tests.Api;
using Microsoft.Extensions.DependencyInjection;

namespace Kaoping.Web.Tests.Telemetry;

/// <summary>
/// The domain's counters (issue 17) count what committed, and only that: read with a <see cref="MeterListener"/> limited to
/// the meters of this test's app (other tests' apps run beside it in the same process).
/// </summary>
[Collection(TelemetryCollection.Name)]
public class DomainMetricsTests
{
    private static CancellationToken Cancel => TestContext.Current.CancellationToken;

    [Fact]
    public async Task FindingsTransitionsAppealsAndNotifications_AreCounted_AndRefusalsAreNot()
    {
        using var factory = new KaopingFactory(DatabaseProvider.Sqlite);
        var assessor = await factory.ClientAsAsync("assessor1");
        var admin = await factory.ClientAsAsync("admin");
        var yanling = await factory.ClientAsAsync("yanling");
        var yuzhou = await factory.SheetIdAsync("禹州市");
        var published = await factory.SheetIdAsync("鄢陵县");
        var notifications = () => factory.WithDbAsync(db => Task.FromResult(db.Notifications.Count()));
        var before = await notifications();
        using var counted = new Counted(factory.Services.GetRequiredService<IMeterFactory>());

        var etag = (await assessor.GetAsync($"/api/sheets/{yuzhou}", Cancel)).Headers.ETag!.ToString();
        Assert.Equal(HttpStatusCode.OK, (await assessor.PutFindingsAsync(yuzhou, "1.1.3", etag, new { findings = new[] { new { clause = 1 } } })).StatusCode);
        Assert.Equal(HttpStatusCode.PreconditionFailed,
            (await assessor.PutFindingsAsync(yuzhou, "1.1.3", etag, new { findings = Array.Empty<object>() })).StatusCode);
        Assert.Equal((1, "team"), (counted.Sum("kaoping.findings.saved"), counted.Tag("kaoping.findings.saved", "kaoping.side")));
        Assert.Equal(0, counted.Sum("kaoping.sheet.transitions"));

        var moved = await assessor.PostAsJsonAsync($"/api/sheets/{yuzhou}/transitions", new { action = "submitAssessment" }, Cancel);
        Assert.Equal(HttpStatusCode.OK, moved.StatusCode);
        var refused = await assessor.PostAsJsonAsync($"/api/sheets/{yuzhou}/transitions", new { action = "publish" }, Cancel);
        Assert.NotEqual(HttpStatusCode.OK, refused.StatusCode);
        Assert.Equal(1, counted.Sum("kaoping.sheet.transitions"));
        Assert.Equal("Assessed", counted.Tag("kaoping.sheet.transitions", "kaoping.state"));
        var told = await notifications() - before;
        Assert.True(told > 0, "the office was not told of the submitted assessment");
        Assert.Equal(told, counted.Sum("kaoping.notifications.queued"));

        var filed = await yanling.PostAsJsonAsync($"/api/sheets/{published}/appeals", new { item = "2.1.1", reason = "见执法台账" }, Cancel);
        Assert.Equal(HttpStatusCode.Created, filed.StatusCode);
        Assert.Equal(HttpStatusCode.Conflict,
            (await yanling.PostAsJsonAsync($"/api/sheets/{published}/appeals", new { item = "2.1.1", reason = "再次申诉" }, Cancel)).StatusCode);
        var appeal = (await filed.JsonAsync()).GetProperty("id").GetInt64();
        var decided = await admin.PostAsJsonAsync($"/api/sheets/{published}/appeals/{appeal}/decision", new { decision = "uphold", comment = "维持" }, Cancel);
        Assert.Equal(HttpStatusCode.OK, decided.StatusCode);

        Assert.Equal(1, counted.Sum("kaoping.appeals.filed"));
        Assert.Equal((1, "Upheld"), (counted.Sum("kaoping.appeals.decided"), counted.Tag("kaoping.appeals.decided", "kaoping.decision")));
        var toldInAll = await notifications() - before;
        Assert.Equal(toldInAll, counted.Sum("kaoping.notifications.queued"));
        Assert.True(toldInAll > told, "the appeal told nobody");
    }

    /// <summary>What the Kaoping meter of one app measured since this was made.</summary>
    private sealed class Counted : IDisposable
    {
        private readonly MeterListener _listener = new();
        private readonly ConcurrentQueue<(string Name, long Value, Dictionary<string, object?> Tags)> _seen = [];

        public Counted(IMeterFactory app)
        {
            _listener.InstrumentPublished = (instrument, listener) =>
            {
                if (instrument.Meter.Name == KaopingMetrics.MeterName && ReferenceEquals(instrument.Meter.Scope, app))
                    listener.EnableMeasurementEvents(instrument);
            };
            _listener.SetMeasurementEventCallback<long>((instrument, value, tags, _) =>
                _seen.Enqueue((instrument.Name, value, tags.ToArray().ToDictionary(t => t.Key, t => t.Value))));
            _listener.Start();
        }

        public long Sum(string name) => _seen.Where(m => m.Name == name).Sum(m => m.Value);

        public string? Tag(string name, string tag) =>
            _seen.Where(m => m.Name == name).Select(m => m.Tags.GetValueOrDefault(tag)?.ToString()).Distinct().Single();

        public void Dispose() => _listener.Dispose();
    }
}
