using System.Diagnostics.Metrics;
using Kaoping.Campaigns;

namespace Kaoping.Web.Telemetry;

/// <summary>
/// The domain's own counters, on the meter <see cref="MeterName"/>: findings saved, sheets moved, appeals filed and
/// decided, notifications queued. Counted after the change committed; exported with the rest when OTLP is configured
/// (docs/deployment.md), and readable by any <see cref="MeterListener"/> (dotnet-counters) otherwise.
/// </summary>
public sealed class KaopingMetrics
{
    public const string MeterName = "Kaoping";

    private readonly Counter<long> _findingsSaved;
    private readonly Counter<long> _transitions;
    private readonly Counter<long> _appealsFiled;
    private readonly Counter<long> _appealsDecided;
    private readonly Counter<long> _notificationsQueued;

    public KaopingMetrics(IMeterFactory meters)
    {
        var meter = meters.Create(MeterName);
        _findingsSaved = meter.CreateCounter<long>("kaoping.findings.saved", "{change}", "An item's findings saved (team or self-assessment)");
        _transitions = meter.CreateCounter<long>("kaoping.sheet.transitions", "{transition}", "A sheet moved on in the workflow");
        _appealsFiled = meter.CreateCounter<long>("kaoping.appeals.filed", "{appeal}", "An appeal filed by a target");
        _appealsDecided = meter.CreateCounter<long>("kaoping.appeals.decided", "{appeal}", "An appeal upheld or amended by the office");
        _notificationsQueued = meter.CreateCounter<long>("kaoping.notifications.queued", "{notification}", "Notifications saved for users");
    }

    public void FindingsSaved(FindingSide side) => _findingsSaved.Add(1, new KeyValuePair<string, object?>("kaoping.side", Tag(side)));

    public void Transition(SheetAction action, SheetState to) =>
        _transitions.Add(1, new("kaoping.action", action.ToString()), new("kaoping.state", to.ToString()));

    public void AppealFiled() => _appealsFiled.Add(1);

    public void AppealDecided(AppealStatus status) => _appealsDecided.Add(1, new KeyValuePair<string, object?>("kaoping.decision", status.ToString()));

    public void NotificationsQueued(int count)
    {
        if (count > 0)
            _notificationsQueued.Add(count);
    }

    private static string Tag(FindingSide side) => side == FindingSide.Team ? "team" : "self";
}
