using Kaoping.Data.Audit;
using Kaoping.Data.Entities;

namespace Kaoping.Web.Services;

/// <summary>
/// 安全日志: records sign-ins, lockouts, password and account changes and integrity failures in the chained security
/// log (<see cref="SecurityLogStore"/>), and writes each to the server's log too. Nothing deletes an event: they are
/// kept well beyond the 180 days 网络安全法 §21 asks for.
/// </summary>
public sealed class SecurityLog(SecurityLogStore store, TimeProvider clock, ILogger<SecurityLog> logger)
{
    /// <param name="userName">the account the event is about (for a failed sign-in, the name that was tried)</param>
    /// <param name="by">who did it, when that is not the account itself</param>
    public async Task RecordAsync(SecurityEventKind kind, string? userName, string? by = null, string? address = null, string? detail = null,
        CancellationToken cancel = default)
    {
        var stored = await store.AppendAsync(new SecurityEvent
        {
            Kind = kind, UserName = userName, By = by, Address = address, Detail = detail, At = clock.GetUtcNow(),
        }, cancel);
        var level = kind is SecurityEventKind.EvidenceTampered ? LogLevel.Error
            : kind is SecurityEventKind.SignInFailed or SecurityEventKind.LockedOut ? LogLevel.Warning : LogLevel.Information;
        logger.Log(level, "Security event {Id} {Kind}: user {User}, by {By}, from {Address}: {Detail}", stored.Id, kind, userName, by, address, detail);
    }

    public static string? AddressOf(HttpContext? context) => context?.Connection.RemoteIpAddress?.ToString();

    /// <summary>The event a sign-in's outcome records.</summary>
    public static SecurityEventKind SignInKind(Microsoft.AspNetCore.Identity.SignInResult result) =>
        result.Succeeded ? SecurityEventKind.SignedIn : result.IsLockedOut ? SecurityEventKind.LockedOut : SecurityEventKind.SignInFailed;
}
