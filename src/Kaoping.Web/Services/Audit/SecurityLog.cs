using Kaoping.Data.Audit;
using Kaoping.Data.Entities;

namespace Kaoping.Web.Services;

/// <summary>
/// 安全日志: records sign-ins, lockouts, password and account changes and integrity failures in the chained security
/// log (<see cref="SecurityLogStore"/>), and writes each to the server's log too. Nothing deletes an event: they are
/// kept well beyond the 180 days 网络安全法 §21 asks for. A flood of failed sign-ins is coalesced (<see cref="SecurityEventFlood"/>).
/// </summary>
public sealed class SecurityLog : IDisposable
{
    private readonly SecurityLogStore _store;
    private readonly SecurityEventFlood _flood;
    private readonly TimeProvider _clock;
    private readonly ILogger<SecurityLog> _logger;
    private readonly ITimer _flush;

    public SecurityLog(SecurityLogStore store, SecurityEventFlood flood, TimeProvider clock, ILogger<SecurityLog> logger,
        Microsoft.Extensions.Options.IOptions<KaopingOptions> options)
    {
        (_store, _flood, _clock, _logger) = (store, flood, clock, logger);
        // Counts of a flood that stopped are written when their window is over, not only when the next failure comes.
        var window = options.Value.Security.FailureEventWindow > TimeSpan.Zero ? options.Value.Security.FailureEventWindow : TimeSpan.FromMinutes(1);
        _flush = clock.CreateTimer(_ => _ = FlushAsync(), null, window, window);
    }

    /// <param name="userName">the account the event is about (for a failed sign-in, the name that was tried)</param>
    /// <param name="by">who did it, when that is not the account itself</param>
    public async Task RecordAsync(SecurityEventKind kind, string? userName, string? by = null, string? address = null, string? detail = null,
        CancellationToken cancel = default)
    {
        if (kind is SecurityEventKind.SignInFailed or SecurityEventKind.LockedOut)
        {
            var (write, ended) = _flood.Admit(userName, address);
            await WriteSuppressedAsync(ended, cancel);
            if (!write)
                return;
        }
        await WriteAsync(new SecurityEvent { Kind = kind, UserName = userName, By = by, Address = address, Detail = detail, At = _clock.GetUtcNow() }, cancel);
    }

    public void Dispose() => _flush.Dispose();

    private async Task FlushAsync()
    {
        try
        {
            await WriteSuppressedAsync(_flood.TakeEnded(), CancellationToken.None);
        }
        catch (Exception e)
        {
            _logger.LogError(e, "Writing the count of suppressed security events failed");
        }
    }

    private async Task WriteSuppressedAsync(IReadOnlyList<SuppressedEvents> ended, CancellationToken cancel)
    {
        foreach (var s in ended)
        {
            await WriteAsync(new SecurityEvent
            {
                Kind = SecurityEventKind.EventsSuppressed, UserName = s.UserName, Address = s.Address, At = _clock.GetUtcNow(),
                Detail = $"另有{s.Count}次登录失败或锁定未逐条记录（{s.From:yyyy-MM-dd HH:mm:ss}至{s.To:HH:mm:ss} UTC）/ "
                    + $"{s.Count} more failed sign-ins or lockouts not written one by one",
            }, cancel);
        }
    }

    private async Task WriteAsync(SecurityEvent what, CancellationToken cancel)
    {
        var stored = await _store.AppendAsync(what, cancel);
        var level = what.Kind is SecurityEventKind.EvidenceTampered ? LogLevel.Error
            : what.Kind is SecurityEventKind.SignInFailed or SecurityEventKind.LockedOut or SecurityEventKind.EventsSuppressed ? LogLevel.Warning
            : LogLevel.Information;
        _logger.Log(level, "Security event {Id} {Kind}: user {User}, by {By}, from {Address}: {Detail}", stored.Id, what.Kind, what.UserName, what.By,
            what.Address, what.Detail);
    }

    public static string? AddressOf(HttpContext? context) => context?.Connection.RemoteIpAddress?.ToString();

    /// <summary>The event a sign-in's outcome records.</summary>
    public static SecurityEventKind SignInKind(Microsoft.AspNetCore.Identity.SignInResult result) =>
        result.Succeeded ? SecurityEventKind.SignedIn : result.IsLockedOut ? SecurityEventKind.LockedOut : SecurityEventKind.SignInFailed;
}
