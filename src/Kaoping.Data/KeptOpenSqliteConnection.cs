using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Diagnostics;
using Microsoft.EntityFrameworkCore.Sqlite.Storage.Internal;
using Microsoft.EntityFrameworkCore.Storage;

namespace Kaoping.Data;

#pragma warning disable EF1001 // SqliteRelationalConnection is public but in EF Core's Internal namespace (ADR 0008).
/// <summary>
/// A context's SQLite connection, opened when first needed and closed only when the context is disposed — not after
/// every query, nor when a pooled context is handed back. Each open and close of an SQLite connection registers and
/// removes EF Core's SQL functions (ef_add, regexp, …) one by one; with a pooled context per request that was about 5%
/// of the server's work on a findings PUT. Between queries the connection holds no transaction and no lock: EF ends
/// every transaction a context began when the context is handed back.
/// </summary>
internal sealed class KeptOpenSqliteConnection(
    RelationalConnectionDependencies dependencies, IRawSqlCommandBuilder rawSqlCommandBuilder, IDiagnosticsLogger<DbLoggerCategory.Infrastructure> logger)
    : SqliteRelationalConnection(dependencies, rawSqlCommandBuilder, logger)
{
    protected override void CloseDbConnection()
    {
    }

    protected override Task CloseDbConnectionAsync() => Task.CompletedTask;
}
