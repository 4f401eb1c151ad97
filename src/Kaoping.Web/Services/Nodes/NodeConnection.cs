using Npgsql;

namespace Kaoping.Web.Services.Nodes;

/// <summary>Connections for the notes between nodes: pooled ones to send, and the listener's own long-lived one.</summary>
public sealed class NodeConnection(string connectionString)
{
    public async Task<NpgsqlConnection> OpenPooledAsync(CancellationToken cancel)
    {
        var connection = new NpgsqlConnection(connectionString);
        await connection.OpenAsync(cancel);
        return connection;
    }

    /// <summary>Outside the pool (its LISTEN is its own), with keepalives so that a lost server is noticed while waiting.</summary>
    public async Task<NpgsqlConnection> OpenListenerAsync(CancellationToken cancel)
    {
        var settings = new NpgsqlConnectionStringBuilder(connectionString) { Pooling = false, KeepAlive = 10, Timeout = 10 };
        var connection = new NpgsqlConnection(settings.ConnectionString);
        await connection.OpenAsync(cancel);
        return connection;
    }
}
