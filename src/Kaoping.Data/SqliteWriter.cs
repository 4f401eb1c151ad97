using System.Collections.Concurrent;
using Microsoft.Data.Sqlite;

namespace Kaoping.Data;

/// <summary>
/// One connection per SQLite database for the writes of <see cref="SheetItemWrites"/>, with each statement prepared
/// once. SQLite takes one write at a time (<see cref="SqliteWriteGate"/>), so the time a write holds the database is
/// what limits how many there can be: preparing its statements anew each time made up a large part of it.
/// Used only while holding the write gate, hence one at a time.
/// </summary>
internal sealed class SqliteWriter(string connectionString)
{
    private static readonly ConcurrentDictionary<string, SqliteWriter> s_writers = new();

    private readonly Dictionary<string, SqliteCommand> _prepared = [];
    private SqliteConnection? _connection;

    public static SqliteWriter For(string connectionString) => s_writers.GetOrAdd(connectionString, c => new SqliteWriter(c));

    public SqliteConnection Connection
    {
        get
        {
            if (_connection is null)
            {
                // Not from the pool, and never back to it: a connection given up after a failure ends with it.
                var connection = new SqliteConnection(new SqliteConnectionStringBuilder(connectionString) { Pooling = false }.ToString());
                connection.Open();
                SqlitePragmas.Apply(connection);
                _connection = connection;
            }
            return _connection;
        }
    }

    /// <summary>
    /// Runs <paramref name="write"/> in a transaction and commits it when it returns true; rolls back otherwise. After a
    /// failure the connection is given up, and the next write opens a new one.
    /// </summary>
    public bool InTransaction(Func<bool> write)
    {
        Command("BEGIN IMMEDIATE").ExecuteNonQuery();
        try
        {
            var done = write();
            Command(done ? "COMMIT" : "ROLLBACK").ExecuteNonQuery();
            return done;
        }
        catch
        {
            var connection = _connection!;
            _connection = null;
            _prepared.Clear();
            try
            {
                using var rollback = connection.CreateCommand();
                rollback.CommandText = "ROLLBACK";
                rollback.ExecuteNonQuery();
            }
            catch (SqliteException)
            {
                // SQLite had rolled back already; closing the connection ends the transaction in any case.
            }
            connection.Dispose();
            throw;
        }
    }

    /// <summary>The command for <paramref name="sql"/> on this connection, prepared the first time it is asked for.</summary>
    public SqliteCommand Command(string sql)
    {
        if (!_prepared.TryGetValue(sql, out var command))
        {
            command = Connection.CreateCommand();
            command.CommandText = sql;
            _prepared[sql] = command;
        }
        command.Parameters.Clear();
        return command;
    }
}
