using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Infrastructure;

namespace Kaoping.Data;

public static class OpenConnection
{
    /// <summary>
    /// Keeps the context's connection open until disposed, for a unit of work of several statements. EF Core otherwise
    /// opens and closes it around each one, and opening an SQLite connection registers EF's SQL functions anew (about
    /// 20 µs each time).
    /// </summary>
    public static async Task<IAsyncDisposable> KeepOpenAsync(this DatabaseFacade database, CancellationToken cancel)
    {
        await database.OpenConnectionAsync(cancel);
        return new Closer(database);
    }

    private sealed class Closer(DatabaseFacade database) : IAsyncDisposable
    {
        public ValueTask DisposeAsync() => new(database.CloseConnectionAsync());
    }
}
