using Microsoft.Extensions.Options;

namespace Kaoping.Web.Services.Mail;

/// <summary>
/// Runs a piece of background work at an interval on the app's <see cref="TimeProvider"/> (tests move it), once the
/// database is ready. A failed round is logged and the next one runs as planned.
/// </summary>
public abstract class PeriodicWork(TimeProvider clock, DatabaseReadiness readiness, ILogger log) : BackgroundService
{
    protected abstract TimeSpan Interval { get; }

    protected abstract bool Enabled { get; }

    protected abstract Task RunOnceAsync(CancellationToken cancel);

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        if (!Enabled)
            return;
        try
        {
            await readiness.Ready.WaitAsync(stoppingToken);
        }
        catch (Exception error) when (error is not OperationCanceledException)
        {
            return; // the app stops: the database could not be prepared
        }
        using var timer = new PeriodicTimer(Interval, clock);
        while (await timer.WaitForNextTickAsync(stoppingToken))
        {
            try
            {
                await RunOnceAsync(stoppingToken);
            }
            catch (Exception error) when (error is not OperationCanceledException || !stoppingToken.IsCancellationRequested)
            {
                log.LogError(error, "{Work} failed; it runs again in {Interval}.", GetType().Name, Interval);
            }
        }
    }
}

/// <summary>Sends the outbox's due mail every <see cref="MailOptions.SendInterval"/> when an SMTP server is configured.</summary>
public sealed class MailSenderService(MailOutboxSender sender, IOptions<KaopingOptions> options, TimeProvider clock, DatabaseReadiness readiness,
    ILogger<MailSenderService> log) : PeriodicWork(clock, readiness, log)
{
    protected override TimeSpan Interval => options.Value.Mail.SendInterval;

    protected override bool Enabled => options.Value.Mail.Configured;

    protected override async Task RunOnceAsync(CancellationToken cancel)
    {
        // Another batch while the last one was full: a backlog drains without waiting an interval per 20 mails.
        while (await sender.SendDueAsync(cancel) > 0)
        {
        }
    }
}
