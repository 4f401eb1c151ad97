using System.Data.Common;
using Microsoft.EntityFrameworkCore.Diagnostics;

namespace Kaoping.Data;

/// <summary>
/// The embedded database runs in WAL mode (set when EF Core creates it); with WAL, synchronous=NORMAL keeps every
/// committed transaction safe from an application crash and syncs at checkpoints instead of at every commit.
/// </summary>
internal sealed class SqlitePragmas : DbConnectionInterceptor
{
    public static SqlitePragmas Instance { get; } = new();

    public override void ConnectionOpened(DbConnection connection, ConnectionEndEventData eventData) => Apply(connection);

    public override Task ConnectionOpenedAsync(DbConnection connection, ConnectionEndEventData eventData, CancellationToken cancellationToken = default)
    {
        Apply(connection);
        return Task.CompletedTask;
    }

    private static void Apply(DbConnection connection)
    {
        using var command = connection.CreateCommand();
        command.CommandText = "PRAGMA synchronous = NORMAL; PRAGMA busy_timeout = 10000;";
        command.ExecuteNonQuery();
    }
}
