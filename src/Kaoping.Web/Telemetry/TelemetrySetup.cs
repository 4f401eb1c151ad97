using Kaoping.Text;
using Kaoping.Web.Deployment;
using Npgsql;
using OpenTelemetry;
using OpenTelemetry.Exporter;
using OpenTelemetry.Metrics;
using OpenTelemetry.Resources;
using OpenTelemetry.Trace;

namespace Kaoping.Web.Telemetry;

/// <summary>
/// Traces, metrics and logs over OTLP when an endpoint is configured — the standard <c>OTEL_EXPORTER_OTLP_ENDPOINT</c>
/// (with the other <c>OTEL_*</c> variables) or <c>Kaoping:Telemetry:OtlpEndpoint</c> — and nothing at all otherwise.
/// Requests (ASP.NET Core), outgoing HTTP, PostgreSQL commands (Npgsql), the runtime, and the domain's own counters.
/// </summary>
public static class TelemetrySetup
{
    public const string Section = "Kaoping:Telemetry";

    public static void AddKaopingTelemetry(this WebApplicationBuilder builder)
    {
        builder.Services.AddSingleton<KaopingMetrics>();
        var configuration = builder.Configuration;
        var standard = !string.IsNullOrWhiteSpace(configuration["OTEL_EXPORTER_OTLP_ENDPOINT"]);
        var own = configuration[$"{Section}:OtlpEndpoint"];
        if (!standard && string.IsNullOrWhiteSpace(own))
            return;
        var telemetry = builder.Services.AddOpenTelemetry()
            .ConfigureResource(r => r.AddService(configuration["OTEL_SERVICE_NAME"] ?? "kaoping",
                serviceInstanceId: Environment.MachineName + ":" + Environment.ProcessId))
            .WithTracing(t => t.AddAspNetCoreInstrumentation(o => o.Filter = c => !c.Request.Path.StartsWithSegments("/health"))
                .AddHttpClientInstrumentation()
                .AddNpgsql())
            .WithMetrics(m => m.AddAspNetCoreInstrumentation()
                .AddHttpClientInstrumentation()
                .AddRuntimeInstrumentation()
                .AddNpgsqlInstrumentation()
                .AddMeter(KaopingMetrics.MeterName))
            .WithLogging();
        if (standard)
            telemetry.UseOtlpExporter();
        else
            telemetry.UseOtlpExporter(Protocol(configuration[$"{Section}:OtlpProtocol"]), Endpoint(own!));
    }

    private static Uri Endpoint(string value) =>
        Uri.TryCreate(value, UriKind.Absolute, out var uri) && uri.Scheme is "http" or "https" ? uri
            : throw new StartupFailure(LocalizedText.Format("{0}:OtlpEndpoint：“{1}”不是 http(s) 地址。", "{0}:OtlpEndpoint: “{1}” is not an http(s) address.",
                Section, value));

    private static OtlpExportProtocol Protocol(string? value) => value switch
    {
        null or "" or "grpc" => OtlpExportProtocol.Grpc,
        "http/protobuf" => OtlpExportProtocol.HttpProtobuf,
        _ => throw new StartupFailure(LocalizedText.Format("{0}:OtlpProtocol：“{1}”应为 grpc 或 http/protobuf。",
            "{0}:OtlpProtocol: “{1}” should be grpc or http/protobuf.", Section, value)),
    };
}
