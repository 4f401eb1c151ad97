namespace Kaoping.Web.Services.Accounts;

/// <summary>The <c>Kaoping:Security</c> section: sessions and sign-in limits.</summary>
public sealed class SecurityOptions
{
    /// <summary>A session unused for this long ends (cookie and bearer token alike).</summary>
    public TimeSpan IdleTimeout { get; set; } = TimeSpan.FromMinutes(30);

    /// <summary>How long a node trusts what it read of a user and a session before reading them again (at most 30 s).</summary>
    public TimeSpan StateRefresh { get; set; } = TimeSpan.FromSeconds(30);

    /// <summary>Sign-in attempts (right or wrong) from one client address in a minute, counted by the rate limiting middleware (429 beyond).</summary>
    public int SignInsPerAddress { get; set; } = 30;

    /// <summary>Failed sign-ins from one client address in a minute before it must wait (429).</summary>
    public int FailuresPerAddress { get; set; } = 20;

    /// <summary>Failed sign-ins to one account in a minute before addresses that failed on it must wait (429).</summary>
    public int FailuresPerAccount { get; set; } = 10;

    /// <summary>Failures in a row of one account from one address before that pair is locked out.</summary>
    public int LockoutFailures { get; set; } = 5;

    public TimeSpan LockoutDuration { get; set; } = TimeSpan.FromMinutes(15);

    /// <summary>Failed sign-ins and lockouts of one account from one address written one by one per window; beyond, counted into one entry.</summary>
    public int FailureEventsPerWindow { get; set; } = 10;

    /// <summary>The window of <see cref="FailureEventsPerWindow"/>.</summary>
    public TimeSpan FailureEventWindow { get; set; } = TimeSpan.FromMinutes(1);

    public TimeSpan Refresh => StateRefresh > TimeSpan.FromSeconds(30) ? TimeSpan.FromSeconds(30) : StateRefresh;
}
