using System.Collections.Concurrent;
using System.Data.Common;
using Microsoft.EntityFrameworkCore;

namespace Kaoping.Data.Sheets;

/// <summary>
/// A context the store keeps between its operations, its connection open, with the statements of its writes prepared on
/// that connection (by SQL text). A context per operation from the pool opened and closed a connection each time
/// (SQLite registers EF's functions on every open) and prepared every statement anew; these were a third of a findings
/// PUT's CPU beside the kept ones (bench/README.md). A session serves one operation at a time.
/// </summary>
internal sealed class StoreSession(KaopingDbContext db) : IAsyncDisposable
{
    private readonly Dictionary<string, DbCommand> _prepared = [];

    public KaopingDbContext Db => db;

    /// <summary>The command for <paramref name="sql"/> on this session's connection, made once; its parameters cleared.</summary>
    public DbCommand Command(string sql, DbTransaction transaction)
    {
        if (!_prepared.TryGetValue(sql, out var command))
        {
            command = db.Database.GetDbConnection().CreateCommand();
            command.CommandText = sql;
            _prepared[sql] = command;
        }
        command.Parameters.Clear();
        command.Transaction = transaction;
        return command;
    }

    public async ValueTask DisposeAsync()
    {
        foreach (var command in _prepared.Values)
            await command.DisposeAsync();
        await db.Database.CloseConnectionAsync();
        await db.DisposeAsync();
    }
}

/// <summary>The store's idle sessions: taken for an operation, given back after it, at most <see cref="MaxIdle"/> kept.</summary>
internal sealed class StoreSessions(IDbContextFactory<KaopingDbContext> contexts) : IAsyncDisposable
{
    private const int MaxIdle = 64;

    private readonly ConcurrentBag<StoreSession> _idle = [];

    public async Task<StoreSession> TakeAsync(CancellationToken cancel)
    {
        if (_idle.TryTake(out var session))
            return session;
        return await OpenAsync(cancel);
    }

    /// <summary>A new session, never kept among the idle ones unless given back.</summary>
    public async Task<StoreSession> OpenAsync(CancellationToken cancel)
    {
        var db = await contexts.CreateDbContextAsync(cancel);
        await db.Database.OpenConnectionAsync(cancel);
        return new StoreSession(db);
    }

    /// <summary>Gives a session back after an operation that ended well; one that failed is ended, never reused.</summary>
    public async Task GiveBackAsync(StoreSession session, bool healthy)
    {
        if (healthy && session.Db.Database.CurrentTransaction is null && _idle.Count < MaxIdle)
        {
            session.Db.ChangeTracker.Clear();
            _idle.Add(session);
            return;
        }
        await session.DisposeAsync();
    }

    public async ValueTask DisposeAsync()
    {
        while (_idle.TryTake(out var session))
            await session.DisposeAsync();
    }
}
