using System.Security.Cryptography;
using System.Threading.Channels;
using Npgsql;

namespace Kaoping.Web.Services.Nodes;

/// <summary>The PostgreSQL channels the nodes of one database tell each other on.</summary>
public static class NodeChannels
{
    /// <summary>A sheet was saved: <c>node sheetId version item by</c>.</summary>
    public const string Sheets = "kaoping_sheets";

    /// <summary>A user's teams, roles, state or sessions changed: <c>node u userId</c> or <c>node s sessionId</c>.</summary>
    public const string Users = "kaoping_users";
}

/// <summary>A note for the other nodes: the channel and its payload (without the sending node's id).</summary>
public sealed record NodeMessage(string Channel, string Payload, DateTimeOffset At);

/// <summary>
/// Tells the other web nodes on the same PostgreSQL database what changed on this one, through <c>pg_notify</c> right after
/// the change committed (docs/deployment.md). Notes are queued and sent in order by one loop, so that a caller never
/// waits on them; a note that cannot be sent within <see cref="s_giveUpAfter"/> is dropped — the others' caches expire anyway.
/// On the embedded database there are no other nodes and nothing is sent.
/// </summary>
public sealed class NodeMessages(Instance instance, NodeConnection connection, ILogger<NodeMessages> log, TimeProvider clock) : BackgroundService
{
    private static readonly TimeSpan s_giveUpAfter = TimeSpan.FromSeconds(30);
    private readonly Channel<NodeMessage> _queue = Channel.CreateBounded<NodeMessage>(
        new BoundedChannelOptions(10_000) { FullMode = BoundedChannelFullMode.DropOldest, SingleReader = true });

    /// <summary>This node's id in every note it sends, so that it does not act on its own notes.</summary>
    public string NodeId { get; } = Convert.ToHexStringLower(RandomNumberGenerator.GetBytes(6));

    public bool Enabled => instance.Provider == Data.DatabaseProvider.Postgres;

    public void Post(string channel, string payload)
    {
        if (Enabled)
            _queue.Writer.TryWrite(new NodeMessage(channel, payload, clock.GetUtcNow()));
    }

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        if (!Enabled)
            return;
        var backoff = new Backoff();
        await foreach (var message in _queue.Reader.ReadAllAsync(stoppingToken))
        {
            while (!stoppingToken.IsCancellationRequested)
            {
                try
                {
                    await SendAsync(message, stoppingToken);
                    backoff.Reset();
                    break;
                }
                catch (Exception error) when (error is NpgsqlException or TimeoutException or InvalidOperationException)
                {
                    if (clock.GetUtcNow() - message.At > s_giveUpAfter)
                    {
                        log.LogWarning(error, "Dropped a note to the other nodes on {Channel}: the database did not take it", message.Channel);
                        break;
                    }
                    log.LogWarning("Could not notify the other nodes on {Channel}: {Error}; trying again", message.Channel, error.Message);
                    await Task.Delay(backoff.Next(), clock, stoppingToken);
                }
            }
        }
    }

    private async Task SendAsync(NodeMessage message, CancellationToken cancel)
    {
        await using var db = await connection.OpenPooledAsync(cancel);
        await using var notify = new NpgsqlCommand("SELECT pg_notify(@channel, @payload)", db);
        notify.Parameters.AddWithValue("channel", message.Channel);
        notify.Parameters.AddWithValue("payload", NodeId + " " + message.Payload);
        await notify.ExecuteNonQueryAsync(cancel);
    }
}

/// <summary>Waits longer after each failure in a row: 0.25 s doubling up to 30 s.</summary>
public sealed class Backoff
{
    private int _failures;

    public void Reset() => _failures = 0;

    public TimeSpan Next()
    {
        var wait = TimeSpan.FromMilliseconds(250 * Math.Pow(2, Math.Min(_failures, 7)));
        _failures++;
        return wait < TimeSpan.FromSeconds(30) ? wait : TimeSpan.FromSeconds(30);
    }
}
