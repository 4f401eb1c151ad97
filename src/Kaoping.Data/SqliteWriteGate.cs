using System.Collections.Concurrent;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Diagnostics;

namespace Kaoping.Data;

/// <summary>
/// SQLite has one writer at a time. Letting concurrent requests collide makes them wait in SQLite's busy handler,
/// which sleeps in steps of up to 100 ms; queueing them here instead hands the write lock over in order, at once.
/// One gate per database, made with the application's contexts and disposed with them.
/// </summary>
public sealed class SqliteWriteGate : SaveChangesInterceptor, IDisposable
{
    private readonly SemaphoreSlim _gate = new(1, 1);

    // Set while this flow holds the gate for a write of several statements: its saves do not queue again.
    private readonly AsyncLocal<bool> _held = new();

    public void Dispose() => _gate.Dispose();

    /// <summary>Runs a write of several statements holding the gate once for all of them; saves inside it do not queue again.</summary>
    public async Task<T> HoldAsync<T>(Func<Task<T>> write, CancellationToken cancel)
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

    // The contexts whose save holds the gate now. A save ends in one of several ways — saved, failed, canceled, or a
    // concurrency conflict, which EF Core reports apart from other failures — and each gives the gate back once.
    private readonly ConcurrentDictionary<DbContext, byte> _holders = new(ReferenceEqualityComparer.Instance);

    public override InterceptionResult<int> SavingChanges(DbContextEventData eventData, InterceptionResult<int> result)
    {
        if (!_held.Value && eventData.Context is { } context)
        {
            _gate.Wait();
            _holders[context] = 0;
        }
        return result;
    }

    public override async ValueTask<InterceptionResult<int>> SavingChangesAsync(DbContextEventData eventData, InterceptionResult<int> result,
        CancellationToken cancellationToken = default)
    {
        if (!_held.Value && eventData.Context is { } context)
        {
            await _gate.WaitAsync(cancellationToken);
            _holders[context] = 0;
        }
        return result;
    }

    public override int SavedChanges(SaveChangesCompletedEventData eventData, int result)
    {
        Release(eventData.Context);
        return result;
    }

    public override ValueTask<int> SavedChangesAsync(SaveChangesCompletedEventData eventData, int result, CancellationToken cancellationToken = default)
    {
        Release(eventData.Context);
        return ValueTask.FromResult(result);
    }

    public override InterceptionResult ThrowingConcurrencyException(ConcurrencyExceptionEventData eventData, InterceptionResult result)
    {
        Release(eventData.Context);
        return result;
    }

    public override ValueTask<InterceptionResult> ThrowingConcurrencyExceptionAsync(ConcurrencyExceptionEventData eventData, InterceptionResult result,
        CancellationToken cancellationToken = default)
    {
        Release(eventData.Context);
        return ValueTask.FromResult(result);
    }

    public override void SaveChangesFailed(DbContextErrorEventData eventData) => Release(eventData.Context);

    public override Task SaveChangesFailedAsync(DbContextErrorEventData eventData, CancellationToken cancellationToken = default)
    {
        Release(eventData.Context);
        return Task.CompletedTask;
    }

    public override void SaveChangesCanceled(DbContextEventData eventData) => Release(eventData.Context);

    public override Task SaveChangesCanceledAsync(DbContextEventData eventData, CancellationToken cancellationToken = default)
    {
        Release(eventData.Context);
        return Task.CompletedTask;
    }

    private void Release(DbContext? context)
    {
        if (context is not null && _holders.TryRemove(context, out _))
            _gate.Release();
    }
}
