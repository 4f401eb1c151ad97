using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Infrastructure;

namespace Kaoping.Data;

public static class OpenConnection
{
    /// <summary>
    /// Keeps the context's connection open until disposed, for a unit of work of several statements: EF Core otherwise
    /// takes a PostgreSQL connection from the pool and gives it back around each one. (An SQLite context keeps its
    /// connection open anyway: <see cref="KeptOpenSqliteConnection"/>.)
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
