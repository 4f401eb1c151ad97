using MailKit.Security;

namespace Kaoping.Web.Services.Mail;

/// <summary>
/// The <c>Kaoping:Mail</c> section: the office's SMTP server. Without a host (and sender) no mail is queued; notifications
/// stay in the app. The password comes from the configuration (environment, secrets) and is never shown.
/// </summary>
public sealed class MailOptions
{
    public string? Host { get; set; }

    public int Port { get; set; } = 587;

    /// <summary>None, Auto, SslOnConnect, StartTls or StartTlsWhenAvailable (MailKit's <see cref="SecureSocketOptions"/>).</summary>
    public SecureSocketOptions Security { get; set; } = SecureSocketOptions.StartTls;

    public string? User { get; set; }

    public string? Password { get; set; }

    /// <summary>发件人, e.g. <c>安委办考评系统 &lt;kaoping@example.gov.cn&gt;</c>.</summary>
    public string? From { get; set; }

    /// <summary>How often each node looks for mail to send.</summary>
    public TimeSpan SendInterval { get; set; } = TimeSpan.FromSeconds(15);

    /// <summary>The first retry waits this long, each further one twice as long as the last (at most 6 hours).</summary>
    public TimeSpan RetryDelay { get; set; } = TimeSpan.FromMinutes(1);

    /// <summary>Attempts before a mail is given up (state Failed, with the last error).</summary>
    public int MaxAttempts { get; set; } = 8;

    /// <summary>How long one SMTP connection or command may take.</summary>
    public TimeSpan Timeout { get; set; } = TimeSpan.FromSeconds(30);

    public bool Configured => !string.IsNullOrWhiteSpace(Host) && !string.IsNullOrWhiteSpace(From);
}

/// <summary>The <c>Kaoping:Reminders</c> section: deadline reminders (3 days, 1 day, overdue).</summary>
public sealed class ReminderOptions
{
    public bool Enabled { get; set; } = true;

    /// <summary>How often each node looks for deadlines to remind of.</summary>
    public TimeSpan Interval { get; set; } = TimeSpan.FromMinutes(15);
}
