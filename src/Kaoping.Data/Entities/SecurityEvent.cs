namespace Kaoping.Data.Entities;

/// <summary>What happened to an account or to the system's integrity.</summary>
public enum SecurityEventKind
{
    SignedIn,
    SignInFailed,
    LockedOut,
    SignedOut,
    PasswordChanged,
    PasswordReset,
    UserCreated,
    UserChanged,
    UserDisabled,
    UserEnabled,
    RoleChanged,

    /// <summary>An evidence file no longer matched its stored SHA-256 when it was to be served.</summary>
    EvidenceTampered,

    /// <summary>How many failed sign-ins or lockouts of one account and address were counted, not written one by one, in a window.</summary>
    EventsSuppressed,
    /// <summary>The rubric library changed: a rubric imported, archived, restored or deleted (its title in the detail).</summary>
    RubricImported,
    RubricArchived,
    RubricRestored,
    RubricDeleted,

    /// <summary>Targets imported from the Excel workbook (the file and the counts added and updated in the detail).</summary>
    TargetsImported,
    /// <summary>One target added by hand (its name and region in the detail).</summary>
    TargetAdded,
}

/// <summary>
/// 安全事件: one entry of the security log, chained like the sheets' audit trails (<see cref="Hash"/> over its content
/// and its predecessor's hash; the last hash is <see cref="SecurityLogHead"/>). Append-only and never deleted.
/// </summary>
public sealed class SecurityEvent
{
    public long Id { get; set; }

    public SecurityEventKind Kind { get; set; }

    /// <summary>The account the event is about (for a failed sign-in: the name that was tried).</summary>
    public string? UserName { get; set; }

    /// <summary>Who did it, when someone other than the account did (an administrator creating a user).</summary>
    public string? By { get; set; }

    /// <summary>The client's address.</summary>
    public string? Address { get; set; }

    public string? Detail { get; set; }

    public DateTimeOffset At { get; set; }

    public string Hash { get; set; } = "";
}

/// <summary>The one row holding the security log's last hash: deleting the last event is found as well as changing one.</summary>
public sealed class SecurityLogHead
{
    public const int TheOne = 1;

    public int Id { get; set; }

    /// <summary>The hash of the last event; null while there is none. A concurrency token: appending is a compare-and-swap.</summary>
    public string? Hash { get; set; }
}
