using Microsoft.Playwright;
using Npgsql;

namespace Kaoping.Web.Tests.Deployment;

/// <summary>
/// Where the time of a change shown on another node goes: when the database delivered the node's NOTIFY (a LISTEN of the
/// test's own) and when the text appeared in the page (a MutationObserver in the page, not the test's polling, which waits
/// up to a second between looks). Times are milliseconds since the change was acknowledged.
/// </summary>
internal sealed class LiveChangeClock : IAsyncDisposable
{
    private readonly NpgsqlConnection _db;
    private readonly CancellationTokenSource _stop = new();
    private readonly Task _listening;
    private long _notifiedAt = -1;
    private long _acknowledgedAt;

    private LiveChangeClock(NpgsqlConnection db)
    {
        _db = db;
        _db.Notification += (_, _) => Interlocked.CompareExchange(ref _notifiedAt, Now, -1);
        _listening = ListenAsync();
    }

    public static async Task<LiveChangeClock> StartAsync(string connectionString, IPage page, string text, CancellationToken cancel)
    {
        var db = new NpgsqlConnection(connectionString);
        await db.OpenAsync(cancel);
        await using (var listen = new NpgsqlCommand("LISTEN kaoping_sheets", db))
            await listen.ExecuteNonQueryAsync(cancel);
        await page.EvaluateAsync("""
            text => {
              window.__kaopingShownAt = null;
              const state = () => document.querySelector('.save-state')?.textContent ?? '';
              new MutationObserver((_, observer) => {
                if (state().includes(text)) { window.__kaopingShownAt = Date.now(); observer.disconnect(); }
              }).observe(document.body, { subtree: true, childList: true, characterData: true });
            }
            """, text);
        return new LiveChangeClock(db);
    }

    // The page's Date.now() and this are the same machine's clock.
    private static long Now => DateTimeOffset.UtcNow.ToUnixTimeMilliseconds();

    /// <summary>The change was acknowledged now.</summary>
    public void Acknowledged() => _acknowledgedAt = Now;

    /// <summary>When the NOTIFY reached the test's LISTEN, or null if it did not.</summary>
    public long? NotifiedAfterMs => Interlocked.Read(ref _notifiedAt) is var at and >= 0 ? at - _acknowledgedAt : null;

    /// <summary>When the page showed the text, or null if it did not.</summary>
    public async Task<long?> ShownAfterMsAsync(IPage page) =>
        await page.EvaluateAsync<double?>("() => window.__kaopingShownAt") is { } shown ? (long)shown - _acknowledgedAt : null;

    private async Task ListenAsync()
    {
        try
        {
            while (!_stop.IsCancellationRequested)
                await _db.WaitAsync(_stop.Token);
        }
        catch (OperationCanceledException)
        {
        }
    }

    public async ValueTask DisposeAsync()
    {
        await _stop.CancelAsync();
        await _listening;
        await _db.DisposeAsync();
        _stop.Dispose();
    }
}
