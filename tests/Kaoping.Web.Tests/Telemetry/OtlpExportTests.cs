using System.Collections.Concurrent;
using System.Net;
using System.Text;
using Kaoping.Data;
using Kaoping.Web.Tests.Api;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;

namespace Kaoping.Web.Tests.Telemetry;

/// <summary>
/// With <c>Kaoping:Telemetry:OtlpEndpoint</c> set, traces, metrics and logs leave over OTLP (HTTP/protobuf here, to a
/// receiver of the test's own that keeps what it is sent); the providers flush when the app stops.
/// </summary>
[Collection(TelemetryCollection.Name)]
public class OtlpExportTests
{
    private static CancellationToken Cancel => TestContext.Current.CancellationToken;

    [Fact]
    public async Task ARequestAndAFindingSaved_AreExportedAsTraceAndMetrics()
    {
        await using var receiver = await Receiver.StartAsync();
        var factory = new KaopingFactory(DatabaseProvider.Sqlite);
        factory.Settings["Kaoping:Telemetry:OtlpEndpoint"] = receiver.Address;
        factory.Settings["Kaoping:Telemetry:OtlpProtocol"] = "http/protobuf";
        // Exported every half second while the app runs (the SDK reads the standard variables from the configuration).
        factory.Settings["OTEL_METRIC_EXPORT_INTERVAL"] = "500";
        factory.Settings["OTEL_BSP_SCHEDULE_DELAY"] = "500";
        using (factory)
        {
            var assessor = await factory.ClientAsAsync("assessor1");
            var yuzhou = await factory.SheetIdAsync("禹州市");
            var etag = (await assessor.GetAsync($"/api/sheets/{yuzhou}", Cancel)).Headers.ETag!.ToString();
            var saved = await assessor.PutFindingsAsync(yuzhou, "1.1.3", etag, new { findings = new[] { new { clause = 1 } } });
            Assert.Equal(HttpStatusCode.OK, saved.StatusCode);

            await receiver.WaitForAsync("/v1/metrics", "kaoping.findings.saved", TimeSpan.FromSeconds(60));
            await receiver.WaitForAsync("/v1/traces", "/api/sheets/{id:int}/items/{key}/findings", TimeSpan.FromSeconds(60));
        }

        Assert.Contains("http.server.request.duration", receiver.Text("/v1/metrics"));
        Assert.Contains("kaoping", receiver.Text("/v1/traces")); // the service's name
    }

    [Fact]
    public async Task AnEndpointThatIsNotAnAddress_StopsTheStart_NamingTheSetting()
    {
        using var factory = new KaopingFactory(DatabaseProvider.Sqlite);
        factory.Settings["Kaoping:Telemetry:OtlpEndpoint"] = "collector:4317";

        var error = await Assert.ThrowsAnyAsync<Exception>(factory.ReadyAsync);

        Assert.Contains("Kaoping:Telemetry:OtlpEndpoint", error.Message);
    }

    /// <summary>An OTLP/HTTP receiver that keeps the bodies it is sent, by path (protobuf: its strings are readable as UTF-8).</summary>
    private sealed class Receiver : IAsyncDisposable
    {
        private readonly WebApplication _app;
        private readonly ConcurrentDictionary<string, ConcurrentQueue<byte[]>> _bodies = new();

        private Receiver(WebApplication app) => _app = app;

        public string Address => _app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.First();

        public async Task WaitForAsync(string path, string text, TimeSpan wait)
        {
            var clock = System.Diagnostics.Stopwatch.StartNew();
            while (!Text(path).Contains(text, StringComparison.Ordinal))
            {
                Assert.True(clock.Elapsed < wait, $"nothing with “{text}” sent to {path} within {wait}");
                await Task.Delay(200, Cancel);
            }
        }

        public string Text(string path) =>
            string.Join("\n", (_bodies.GetValueOrDefault(path) ?? []).Select(b => Encoding.UTF8.GetString(b)));

        public static async Task<Receiver> StartAsync()
        {
            var builder = WebApplication.CreateSlimBuilder();
            builder.WebHost.UseUrls("http://127.0.0.1:0");
            var app = builder.Build();
            var receiver = new Receiver(app);
            app.Run(async context =>
            {
                using var body = new MemoryStream();
                await context.Request.Body.CopyToAsync(body);
                receiver._bodies.GetOrAdd(context.Request.Path.Value ?? "", _ => []).Enqueue(body.ToArray());
                context.Response.ContentType = "application/x-protobuf";
            });
            await app.StartAsync();
            return receiver;
        }

        public async ValueTask DisposeAsync() => await _app.DisposeAsync();
    }
}
