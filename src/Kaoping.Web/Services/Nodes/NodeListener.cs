using Kaoping.Web.Services.Accounts;
using Microsoft.Extensions.Caching.Memory;
using Npgsql;

namespace Kaoping.Web.Services.Nodes;

/// <summary>
/// Listens on PostgreSQL for what the other nodes changed (<see cref="NodeChannels"/>) on one dedicated connection, and
/// acts on it here: a saved sheet is shown on this node's open sheet pages; a changed user is read again at their next
/// request. When the connection is lost it connects again with a growing wait, and forgets every session it keeps,
/// since notes may have been missed meanwhile.
/// </summary>
public sealed class NodeListener(NodeMessages messages, NodeConnection connection, SheetEvents sheets, AccountStates states, IMemoryCache cache,
    ILogger<NodeListener> log) : BackgroundService
{
    private readonly TaskCompletionSource _listening = new(TaskCreationOptions.RunContinuationsAsynchronously);

    /// <summary>Done once the first LISTEN is in place (tests wait for it).</summary>
    public Task Listening => _listening.Task;

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        if (!messages.Enabled)
            return;
        var backoff = new Backoff();
        var connectedBefore = false;
        while (!stoppingToken.IsCancellationRequested)
        {
            try
            {
                await using var db = await connection.OpenListenerAsync(stoppingToken);
                db.Notification += (_, e) => ReceiveSafely(e.Channel, e.Payload);
                await using (var listen = new NpgsqlCommand($"LISTEN {NodeChannels.Sheets}; LISTEN {NodeChannels.Users}", db))
                    await listen.ExecuteNonQueryAsync(stoppingToken);
                if (connectedBefore)
                {
                    states.ForgetAll();
                    log.LogInformation("Listening to the other nodes again");
                }
                connectedBefore = true;
                backoff.Reset();
                _listening.TrySetResult();
                while (!stoppingToken.IsCancellationRequested)
                    await db.WaitAsync(stoppingToken);
            }
            catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
            {
                return;
            }
            catch (Exception error) when (error is NpgsqlException or TimeoutException or System.IO.IOException or InvalidOperationException)
            {
                var wait = backoff.Next();
                log.LogWarning("Lost the connection that listens to the other nodes: {Error}; again in {Wait}", error.Message, wait);
                await Task.Delay(wait, stoppingToken);
            }
        }
    }

    private void ReceiveSafely(string channel, string payload)
    {
        try
        {
            Receive(channel, payload);
        }
        catch (Exception error)
        {
            log.LogError(error, "A note on {Channel} failed here", channel);
        }
    }

    internal void Receive(string channel, string payload)
    {
        var parts = payload.Split(' ', 5);
        if (parts.Length < 3 || parts[0] == messages.NodeId)
            return;
        switch (channel)
        {
            case NodeChannels.Sheets when parts.Length == 5 && int.TryParse(parts[1], out var sheet) && int.TryParse(parts[2], out var version):
                sheets.Receive(new SheetChange(sheet, version, parts[4], parts[3] == "-" ? null : parts[3]));
                break;
            case NodeChannels.Users when parts[1] == "u":
                states.ForgetHere(parts[2]);
                Callers.ForgetHere(cache, parts[2]);
                break;
            case NodeChannels.Users when parts[1] == "s":
                states.ForgetSessionHere(parts[2]);
                break;
            default:
                log.LogDebug("Ignored a note on {Channel}: {Payload}", channel, payload);
                break;
        }
    }
}
