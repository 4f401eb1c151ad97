using System.Threading.RateLimiting;
using Microsoft.Extensions.Caching.Memory;
using Microsoft.Extensions.Options;

namespace Kaoping.Web.Services.Accounts;

/// <summary>
/// Limits on failed sign-ins, built so that nobody can use them to lock the office out: a client address that fails
/// too often waits (429 with Retry-After); an account that fails too often makes only the addresses that failed on
/// it wait; and an account is locked only for the address that failed on it several times in a row. Someone signing
/// in from another address — the office — is never refused because of an attacker's attempts.
/// Only failures count; a right password resets its pair.
/// </summary>
public sealed class SignInLimits : IDisposable
{
    private readonly PartitionedRateLimiter<string> _perAddress;
    private readonly PartitionedRateLimiter<string> _perAccount;
    private readonly MemoryCache _pairs = new(new MemoryCacheOptions { SizeLimit = 100_000 });
    private readonly SecurityOptions _options;
    private readonly TimeProvider _clock;

    public SignInLimits(IOptions<KaopingOptions> options, TimeProvider clock)
    {
        _options = options.Value.Security;
        _clock = clock;
        _perAddress = PerMinute(_options.FailuresPerAddress);
        _perAccount = PerMinute(_options.FailuresPerAccount);
    }

    /// <summary>How long this address must wait before it may try this account again; null when it may try now.</summary>
    public TimeSpan? Wait(string account, string address)
    {
        var pair = Pair(account, address);
        if (_pairs.TryGetValue(pair, out Failures? failures) && failures!.LockedUntil is { } until && until > _clock.GetUtcNow())
            return until - _clock.GetUtcNow();
        if (Exhausted(_perAddress, address) is { } addressWait)
            return addressWait;
        // The account is under attack: only addresses that failed on it are held back.
        if (failures is { Count: > 0 } && Exhausted(_perAccount, account.ToUpperInvariant()) is { } accountWait)
            return accountWait;
        return null;
    }

    public void Failed(string account, string address)
    {
        _perAddress.AttemptAcquire(address).Dispose();
        _perAccount.AttemptAcquire(account.ToUpperInvariant()).Dispose();
        var pair = Pair(account, address);
        var failures = _pairs.GetOrCreate(pair, e =>
        {
            e.Size = 1;
            e.SlidingExpiration = _options.LockoutDuration;
            return new Failures();
        })!;
        lock (failures)
        {
            failures.Count++;
            if (failures.Count >= _options.LockoutFailures)
            {
                failures.LockedUntil = _clock.GetUtcNow() + _options.LockoutDuration;
                failures.Count = 0;
            }
        }
    }

    /// <summary>True when the failure just recorded locked the pair.</summary>
    public bool IsLocked(string account, string address) =>
        _pairs.TryGetValue(Pair(account, address), out Failures? failures) && failures!.LockedUntil > _clock.GetUtcNow();

    public void Succeeded(string account, string address) => _pairs.Remove(Pair(account, address));

    public void Dispose()
    {
        _perAddress.Dispose();
        _perAccount.Dispose();
        _pairs.Dispose();
    }

    private static string Pair(string account, string address) => account.ToUpperInvariant() + "\n" + address;

    private static TimeSpan? Exhausted(PartitionedRateLimiter<string> limiter, string key)
    {
        // Asking for no permit tells whether any is left without using one.
        using var lease = limiter.AttemptAcquire(key, 0);
        if (lease.IsAcquired)
            return null;
        return lease.TryGetMetadata(MetadataName.RetryAfter, out var retry) ? retry : TimeSpan.FromMinutes(1);
    }

    private static PartitionedRateLimiter<string> PerMinute(int permits) =>
        PartitionedRateLimiter.Create<string, string>(key => RateLimitPartition.GetFixedWindowLimiter(key, _ => new FixedWindowRateLimiterOptions
        {
            PermitLimit = Math.Max(1, permits), Window = TimeSpan.FromMinutes(1), QueueLimit = 0, AutoReplenishment = true,
        }), StringComparer.Ordinal);

    private sealed class Failures
    {
        public int Count { get; set; }

        public DateTimeOffset? LockedUntil { get; set; }
    }
}
