using System.Data;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Infrastructure;

namespace Kaoping.Data.Sheets;

internal static class ReadSnapshot
{
    /// <summary>
    /// Runs the reads until disposed in one read-only transaction, so that they see the database as of one moment
    /// (a sheet and its collections of the same version). On SQLite it is also cheaper: each read transaction that
    /// begins after another connection's write throws the connection's page cache away, once here instead of once per
    /// query. Inside a transaction already begun, it does nothing.
    /// </summary>
    public static async Task<IAsyncDisposable> SnapshotAsync(this DatabaseFacade database, CancellationToken cancel)
    {
        if (database.CurrentTransaction is not null)
            return Nothing.Instance;
        await database.OpenConnectionAsync(cancel);
        if (database.GetDbConnection() is SqliteConnection sqlite)
        {
            // Deferred: the snapshot starts at the first read and takes no write lock.
            var deferred = sqlite.BeginTransaction(deferred: true);
            await database.UseTransactionAsync(deferred, cancel);
            return new Ending(database, async () =>
            {
                await database.UseTransactionAsync(null); // EF does not end a transaction it was given
                await deferred.DisposeAsync();
            });
        }
        var transaction = await database.BeginTransactionAsync(IsolationLevel.RepeatableRead, cancel);
        return new Ending(database, transaction.DisposeAsync);
    }

    /// <summary>Ends the transaction (a rollback: nothing was written) and lets the connection close.</summary>
    private sealed class Ending(DatabaseFacade database, Func<ValueTask> endTransaction) : IAsyncDisposable
    {
        public async ValueTask DisposeAsync()
        {
            await endTransaction();
            await database.CloseConnectionAsync();
        }
    }

    private sealed class Nothing : IAsyncDisposable
    {
        public static Nothing Instance { get; } = new();

        public ValueTask DisposeAsync() => ValueTask.CompletedTask;
    }
}
