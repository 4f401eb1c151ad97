namespace Kaoping.Data.Entities;

/// <summary>
/// One sign-in (a cookie or a bearer token) of a user. Every request names its session; an ended session, or one idle
/// for longer than the configured time, is refused wherever its cookie or token is replayed.
/// </summary>
public sealed class UserSession
{
    public required string Id { get; set; }

    public required string UserId { get; set; }

    public DateTimeOffset StartedAt { get; set; }

    /// <summary>The last time a request used it, written at most every few seconds.</summary>
    public DateTimeOffset LastSeenAt { get; set; }

    public DateTimeOffset? EndedAt { get; set; }
}
