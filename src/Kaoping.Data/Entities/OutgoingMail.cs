namespace Kaoping.Data.Entities;

/// <summary>Where an outgoing mail is on its way.</summary>
public enum MailState
{
    /// <summary>To be sent at <see cref="OutgoingMail.NextAttemptAt"/>.</summary>
    Pending,

    /// <summary>Claimed by one sender until <see cref="OutgoingMail.ClaimedUntil"/>; no other sender takes it before then.</summary>
    Sending,

    Sent,

    /// <summary>Given up after the last attempt allowed; <see cref="OutgoingMail.LastError"/> says why.</summary>
    Failed,
}

/// <summary>
/// 邮件发件箱: one e-mail to send, written with the notification it tells of, sent later by a background sender with
/// retries, so that a mail server down never holds up or fails the change that caused it.
/// </summary>
public sealed class OutgoingMail
{
    public long Id { get; set; }

    public required string UserId { get; set; }

    public required string To { get; set; }

    public required string Subject { get; set; }

    public required string Body { get; set; }

    public MailState State { get; set; }

    public int Attempts { get; set; }

    public DateTimeOffset CreatedAt { get; set; }

    public DateTimeOffset NextAttemptAt { get; set; }

    public DateTimeOffset? ClaimedUntil { get; set; }

    public DateTimeOffset? SentAt { get; set; }

    public string? LastError { get; set; }
}

/// <summary>
/// A deadline reminder that was made: its key (kind, sheet, state, deadline) is inserted once, whoever inserts it first
/// makes the notifications, so restarts and several nodes never repeat a reminder.
/// </summary>
public sealed class ReminderKey
{
    public required string Key { get; set; }

    public DateTimeOffset At { get; set; }
}
