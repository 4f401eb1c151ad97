using Kaoping.Web.Services.Accounts;
using Microsoft.Extensions.Options;

namespace Kaoping.Web.Services;

/// <summary>Failure events of one account and address that were counted instead of written, in one window.</summary>
public sealed record SuppressedEvents(string? UserName, string? Address, int Count, DateTimeOffset From, DateTimeOffset To);

/// <summary>
/// Keeps a flood of failed sign-ins from growing the security log without bound: per account and client address, at
/// most <see cref="SecurityOptions.FailureEventsPerWindow"/> failures (and lockouts) are written in a window; the rest
/// are counted, and when the window is over the count is written as one entry (<see cref="SecurityLog"/>). The pairs
/// tracked are bounded too: beyond <see cref="MaxPairs"/> new pairs are counted per address alone.
/// </summary>
public sealed class SecurityEventFlood(IOptions<KaopingOptions> options, TimeProvider clock)
{
    public const int MaxPairs = 10_000;

    private readonly Dictionary<(string? User, string? Address), Window> _windows = [];
    private readonly Lock _lock = new();
    private DateTimeOffset _scanned;

    private SecurityOptions Security => options.Value.Security;

    /// <summary>Whether this failure is to be written; windows of the pair that are over come back to be written first.</summary>
    public (bool Write, IReadOnlyList<SuppressedEvents> Ended) Admit(string? userName, string? address)
    {
        var now = clock.GetUtcNow();
        lock (_lock)
        {
            var ended = TakeEnded(now);
            var key = (userName?.ToUpperInvariant(), address);
            if (!_windows.ContainsKey(key) && _windows.Count >= MaxPairs)
                key = ("*", address);
            if (!_windows.TryGetValue(key, out var window))
                _windows[key] = window = new Window(userName, now);
            if (window.Written < Math.Max(1, Security.FailureEventsPerWindow))
            {
                window.Written++;
                return (true, ended);
            }
            window.Suppressed++;
            window.Last = now;
            return (false, ended);
        }
    }

    /// <summary>The windows that are over and held suppressed events; they are forgotten here.</summary>
    public IReadOnlyList<SuppressedEvents> TakeEnded()
    {
        lock (_lock)
            return TakeEnded(clock.GetUtcNow());
    }

    private List<SuppressedEvents> TakeEnded(DateTimeOffset now)
    {
        var ended = new List<SuppressedEvents>();
        // Looked through at most once a second: a flood does not pay for a scan of every pair on each attempt.
        if (now - _scanned < TimeSpan.FromSeconds(1))
            return ended;
        _scanned = now;
        foreach (var (key, window) in _windows.Where(w => now - w.Value.Start >= Security.FailureEventWindow).ToList())
        {
            _windows.Remove(key);
            if (window.Suppressed > 0)
                ended.Add(new SuppressedEvents(window.UserName, key.Address, window.Suppressed, window.Start, window.Last));
        }
        return ended;
    }

    private sealed class Window(string? userName, DateTimeOffset start)
    {
        public string? UserName { get; } = userName;

        public DateTimeOffset Start { get; } = start;

        public DateTimeOffset Last { get; set; } = start;

        public int Written { get; set; }

        public int Suppressed { get; set; }
    }
}
