using Kaoping.Data;
using Kaoping.Data.Entities;
using MailKit.Net.Smtp;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using MimeKit;

namespace Kaoping.Web.Services.Mail;

/// <summary>
/// Sends what the outbox holds. A mail is claimed by one conditional update (still pending and due, or a claim that ran
/// out because its node stopped) before it is sent, so several senders — threads or nodes — never send one mail twice.
/// A failure puts it back with the next attempt later (doubling each time) until <see cref="MailOptions.MaxAttempts"/>.
/// </summary>
public sealed class MailOutboxSender(IDbContextFactory<KaopingDbContext> contexts, SqliteWriteGate gate, IOptions<KaopingOptions> options,
    TimeProvider clock, ILogger<MailOutboxSender> log)
{
    private const int Batch = 20;
    private static readonly TimeSpan LongestDelay = TimeSpan.FromHours(6);

    private MailOptions Mail => options.Value.Mail;

    /// <summary>Sends the mails due now; answers how many were sent.</summary>
    public async Task<int> SendDueAsync(CancellationToken cancel = default)
    {
        if (!Mail.Configured)
            return 0;
        var claimed = await ClaimAsync(cancel);
        if (claimed.Count == 0)
            return 0;
        using var smtp = new SmtpClient { Timeout = (int)Mail.Timeout.TotalMilliseconds };
        try
        {
            await ConnectAsync(smtp, cancel);
        }
        catch (Exception error) when (error is not OperationCanceledException || !cancel.IsCancellationRequested)
        {
            foreach (var mail in claimed)
                await FailedAsync(mail, error);
            return 0;
        }
        var sent = 0;
        foreach (var mail in claimed)
        {
            try
            {
                await smtp.SendAsync(Message(mail), cancel);
                await FinishAsync(mail.Id, m => m.SetProperty(x => x.State, MailState.Sent).SetProperty(x => x.SentAt, clock.GetUtcNow())
                    .SetProperty(x => x.ClaimedUntil, (DateTimeOffset?)null).SetProperty(x => x.LastError, (string?)null));
                sent++;
            }
            catch (Exception error) when (error is not OperationCanceledException || !cancel.IsCancellationRequested)
            {
                await FailedAsync(mail, error);
            }
        }
        await smtp.DisconnectAsync(true, CancellationToken.None);
        return sent;
    }

    /// <summary>How many mails wait, were sent and were given up, for the settings page.</summary>
    public async Task<IReadOnlyDictionary<MailState, int>> CountsAsync(CancellationToken cancel = default)
    {
        await using var db = await contexts.CreateDbContextAsync(cancel);
        return await db.OutgoingMail.GroupBy(m => m.State).Select(g => new { g.Key, Count = g.Count() }).ToDictionaryAsync(g => g.Key, g => g.Count, cancel);
    }

    /// <summary>Connects (and signs in when a user is set) as the sender would; the answer is the server's refusal, or null.</summary>
    public async Task<string?> TestConnectionAsync(CancellationToken cancel = default)
    {
        if (!Mail.Configured)
            return "未配置邮件服务器（Kaoping:Mail:Host、Kaoping:Mail:From）。";
        using var smtp = new SmtpClient { Timeout = (int)Mail.Timeout.TotalMilliseconds };
        try
        {
            await ConnectAsync(smtp, cancel);
            await smtp.DisconnectAsync(true, cancel);
            return null;
        }
        catch (Exception error) when (error is not OperationCanceledException || !cancel.IsCancellationRequested)
        {
            return error.Message;
        }
    }

    private async Task ConnectAsync(SmtpClient smtp, CancellationToken cancel)
    {
        await smtp.ConnectAsync(Mail.Host!, Mail.Port, Mail.Security, cancel);
        if (!string.IsNullOrEmpty(Mail.User))
            await smtp.AuthenticateAsync(Mail.User, Mail.Password ?? "", cancel);
    }

    private async Task<List<OutgoingMail>> ClaimAsync(CancellationToken cancel)
    {
        await using var db = await contexts.CreateDbContextAsync(cancel);
        var now = clock.GetUtcNow();
        var due = await Due(db, now).OrderBy(m => m.Id).Select(m => m.Id).Take(Batch).ToListAsync(cancel);
        var until = now + Mail.Timeout * 4;
        var claimed = await WriteAsync(db, async () =>
        {
            var won = new List<long>();
            foreach (var id in due)
            {
                if (await Due(db, now).Where(m => m.Id == id).ExecuteUpdateAsync(m => m.SetProperty(x => x.State, MailState.Sending)
                    .SetProperty(x => x.ClaimedUntil, until).SetProperty(x => x.Attempts, x => x.Attempts + 1), cancel) == 1)
                    won.Add(id);
            }
            return won;
        }, cancel);
        return claimed.Count == 0 ? [] : await db.OutgoingMail.AsNoTracking().Where(m => claimed.Contains(m.Id)).ToListAsync(cancel);
    }

    private static IQueryable<OutgoingMail> Due(KaopingDbContext db, DateTimeOffset now) => db.OutgoingMail.Where(m =>
        (m.State == MailState.Pending && m.NextAttemptAt <= now) || (m.State == MailState.Sending && m.ClaimedUntil < now));

    private async Task FailedAsync(OutgoingMail mail, Exception error)
    {
        var message = error.Message.Length > 1000 ? error.Message[..1000] : error.Message;
        var last = mail.Attempts >= Mail.MaxAttempts;
        var delay = Mail.RetryDelay * Math.Pow(2, Math.Min(mail.Attempts - 1, 20));
        var next = clock.GetUtcNow() + (delay > LongestDelay ? LongestDelay : delay);
        log.LogWarning("Mail {Id} to {To}: attempt {Attempt} failed ({Error}){Last}", mail.Id, mail.To, mail.Attempts, message,
            last ? "; given up" : "");
        await FinishAsync(mail.Id, m => m.SetProperty(x => x.State, last ? MailState.Failed : MailState.Pending).SetProperty(x => x.NextAttemptAt, next)
            .SetProperty(x => x.ClaimedUntil, (DateTimeOffset?)null).SetProperty(x => x.LastError, message));
    }

    /// <summary>Records the outcome even when the app is stopping: a sent mail left "sending" would be sent again.</summary>
    private async Task FinishAsync(long id, Action<Microsoft.EntityFrameworkCore.Query.UpdateSettersBuilder<OutgoingMail>> set)
    {
        await using var db = await contexts.CreateDbContextAsync(CancellationToken.None);
        await WriteAsync(db, () => db.OutgoingMail.Where(m => m.Id == id && m.State == MailState.Sending).ExecuteUpdateAsync(set, CancellationToken.None),
            CancellationToken.None);
    }

    // SQLite's writes queue in the app's one gate (as the saves do) instead of colliding in its busy handler.
    private Task<T> WriteAsync<T>(KaopingDbContext db, Func<Task<T>> write, CancellationToken cancel) =>
        db.Database.IsSqlite() ? gate.HoldAsync(write, cancel) : write();

    private MimeMessage Message(OutgoingMail mail)
    {
        var message = new MimeMessage { Subject = mail.Subject, Body = new TextPart("plain") { Text = mail.Body } };
        message.From.Add(MailboxAddress.Parse(Mail.From!));
        message.To.Add(MailboxAddress.Parse(mail.To));
        message.Headers.Add("X-Kaoping-Mail", mail.Id.ToString(System.Globalization.CultureInfo.InvariantCulture));
        return message;
    }
}
