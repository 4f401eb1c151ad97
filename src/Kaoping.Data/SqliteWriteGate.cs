using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Diagnostics;

namespace Kaoping.Data;

/// <summary>
/// SQLite has one writer at a time. Letting concurrent requests collide makes them wait in SQLite's busy handler,
/// which sleeps in steps of up to 100 ms; queueing them here instead hands the write lock over in order, at once.
/// Every save queues by itself; a write of several statements queues once for all of them (<see cref="RunAsync"/>).
/// </summary>
internal sealed class SqliteWriteGate : SaveChangesInterceptor
{
    private readonly SemaphoreSlim _gate = new(1, 1);

    // Set while this flow holds the gate for a write of several statements: its saves do not queue again.
    private readonly AsyncLocal<bool> _held = new();

    public static SqliteWriteGate Instance { get; } = new();

    /// <summary>Runs <paramref name="write"/> holding the gate when the context is SQLite's; otherwise (PostgreSQL) just runs it.</summary>
    public static Task<T> RunAsync<T>(DbContext db, Func<Task<T>> write, CancellationToken cancel) =>
        IsSqlite(db) ? Instance.HoldAsync(write, cancel) : write();

    /// <summary>
    /// Whether the context runs on SQLite, told by its connection: EF's <c>IsSqlite()</c> reads the provider's assembly
    /// name anew each time, about 1% of the server's CPU when asked twice on every findings PUT.
    /// </summary>
    public static bool IsSqlite(DbContext db) => db.Database.GetDbConnection() is Microsoft.Data.Sqlite.SqliteConnection;

    private async Task<T> HoldAsync<T>(Func<Task<T>> write, CancellationToken cancel)
    {
        await _gate.WaitAsync(cancel);
        _held.Value = true;
        try
        {
            return await write();
        }
        finally
        {
            _held.Value = false;
            _gate.Release();
        }
    }

    public override InterceptionResult<int> SavingChanges(DbContextEventData eventData, InterceptionResult<int> result)
    {
        if (!_held.Value)
            _gate.Wait();
        return result;
    }

    public override async ValueTask<InterceptionResult<int>> SavingChangesAsync(DbContextEventData eventData, InterceptionResult<int> result, CancellationToken cancellationToken = default)
    {
        if (!_held.Value)
            await _gate.WaitAsync(cancellationToken);
        return result;
    }

    public override int SavedChanges(SaveChangesCompletedEventData eventData, int result)
    {
        Release();
        return result;
    }

    public override ValueTask<int> SavedChangesAsync(SaveChangesCompletedEventData eventData, int result, CancellationToken cancellationToken = default)
    {
        Release();
        return ValueTask.FromResult(result);
    }

    public override void SaveChangesFailed(DbContextErrorEventData eventData) => Release();

    public override Task SaveChangesFailedAsync(DbContextErrorEventData eventData, CancellationToken cancellationToken = default)
    {
        Release();
        return Task.CompletedTask;
    }

    public override void SaveChangesCanceled(DbContextEventData eventData) => Release();

    public override Task SaveChangesCanceledAsync(DbContextEventData eventData, CancellationToken cancellationToken = default)
    {
        Release();
        return Task.CompletedTask;
    }

    private void Release()
    {
        if (!_held.Value)
            _gate.Release();
    }
}
