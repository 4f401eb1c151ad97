namespace Kaoping.Web.Tests.Telemetry;

/// <summary>
/// Meters are found by name across the process: an OpenTelemetry provider (or a listener) in one test host also sees the
/// "Kaoping" meters of every other host running beside it and the instruments those hosts dispose. In one of two whole
/// runs the finding's counter was then not exported within 60 s (never when run alone; the exact cause was not traced).
/// A deployment runs one host per process; these tests run alone, after the parallel ones.
/// </summary>
[CollectionDefinition(Name, DisableParallelization = true)]
public sealed class TelemetryCollection
{
    public const string Name = "Telemetry (alone)";
}
