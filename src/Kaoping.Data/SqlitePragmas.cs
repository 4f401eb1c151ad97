using System.Data.Common;
using Microsoft.EntityFrameworkCore.Diagnostics;

namespace Kaoping.Data;

/// <summary>
/// The embedded database runs in WAL mode (set when EF Core creates it); with WAL, synchronous=NORMAL keeps every
/// committed transaction safe from an application crash and syncs at checkpoints instead of at every commit.
/// </summary>
internal sealed class SqlitePragmas : DbConnectionInterceptor
{

    public override void ConnectionOpened(DbConnection connection, ConnectionEndEventData eventData) => Apply(connection);

    public override Task ConnectionOpenedAsync(DbConnection connection, ConnectionEndEventData eventData, CancellationToken cancellationToken = default)
    {
        Apply(connection);
        return Task.CompletedTask;
    }

    // Pragmas hold for the physical connection, which outlives the SqliteConnection object (Microsoft.Data.Sqlite pools it).
    private readonly System.Runtime.CompilerServices.ConditionalWeakTable<object, object> _configured = [];

    private void Apply(DbConnection connection)
    {
        if (connection is Microsoft.Data.Sqlite.SqliteConnection { Handle: { } handle })
        {
            if (_configured.TryGetValue(handle, out _))
                return;
            _configured.AddOrUpdate(handle, handle);
        }
        using var command = connection.CreateCommand();
        command.CommandText = "PRAGMA synchronous = NORMAL; PRAGMA busy_timeout = 10000;";
        command.ExecuteNonQuery();
    }
}
