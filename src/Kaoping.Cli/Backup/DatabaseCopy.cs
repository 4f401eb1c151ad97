using System.Diagnostics;
using Kaoping.Data;
using Kaoping.Text;
using Microsoft.Data.Sqlite;
using Npgsql;

namespace Kaoping.Cli.Backup;

/// <summary>
/// A consistent copy of a running database and its way back: SQLite's online backup API, PostgreSQL's <c>pg_dump</c>
/// (custom format) and <c>pg_restore</c> from Debian's postgresql-client. Restores go only into an empty database.
/// </summary>
public static class DatabaseCopy
{
    public const string SqliteFile = "kaoping.db";
    public const string PostgresFile = "kaoping.dump";
    private static readonly TimeSpan s_toolTimeout = TimeSpan.FromHours(2);

    public static string FileOf(DatabaseProvider provider) => provider == DatabaseProvider.Sqlite ? SqliteFile : PostgresFile;

    public static void Save(DatabaseProvider provider, string connection, string file)
    {
        if (provider == DatabaseProvider.Sqlite)
        {
            using var source = OpenSqlite(connection, readOnly: true);
            using var target = OpenSqlite(FileConnection(file), readOnly: false);
            source.BackupDatabase(target);
            // The copy is one file: reading it during a restore must not add -wal/-shm files beside it.
            using var journal = target.CreateCommand();
            journal.CommandText = "PRAGMA journal_mode = DELETE";
            journal.ExecuteNonQuery();
        }
        else
        {
            Tool("pg_dump", connection, ["--format=custom", "--file=" + file], []);
        }
    }

    public static void Load(DatabaseProvider provider, string connection, string file)
    {
        if (provider == DatabaseProvider.Sqlite)
        {
            using var source = OpenSqlite(FileConnection(file), readOnly: true);
            using var target = OpenSqlite(connection, readOnly: false);
            source.BackupDatabase(target);
        }
        else
        {
            Tool("pg_restore", connection, ["--no-owner", "--no-privileges", "--exit-on-error", "--single-transaction"], [file]);
        }
    }

    /// <summary>The number of tables the database already has: a restore goes only where there are none.</summary>
    public static long Tables(DatabaseProvider provider, string connection)
    {
        if (provider == DatabaseProvider.Sqlite)
        {
            var file = new SqliteConnectionStringBuilder(connection).DataSource;
            if (!File.Exists(file))
                return 0;
            using var db = OpenSqlite(connection, readOnly: true);
            using var count = db.CreateCommand();
            count.CommandText = "SELECT count(*) FROM sqlite_master WHERE type = 'table'";
            return (long)count.ExecuteScalar()!;
        }
        using var pg = new NpgsqlConnection(connection);
        pg.Open();
        using var tables = new NpgsqlCommand("SELECT count(*) FROM information_schema.tables WHERE table_schema NOT IN ('pg_catalog', 'information_schema')",
            pg);
        return (long)tables.ExecuteScalar()!;
    }

    private static string FileConnection(string file) => new SqliteConnectionStringBuilder { DataSource = file }.ToString();

    private static SqliteConnection OpenSqlite(string connection, bool readOnly)
    {
        var builder = new SqliteConnectionStringBuilder(connection) { Pooling = false };
        if (readOnly)
            builder.Mode = SqliteOpenMode.ReadOnly;
        var sqlite = new SqliteConnection(builder.ToString());
        sqlite.Open();
        return sqlite;
    }

    private static string Quoted(string value) => value.Replace(@"\", @"\\", StringComparison.Ordinal).Replace("'", @"\'", StringComparison.Ordinal);

    // The libpq tools get the connection as a conninfo string, the password through the environment (never the command line).
    private static void Tool(string name, string connection, string[] options, string[] files)
    {
        var npgsql = new NpgsqlConnectionStringBuilder(connection);
        var conninfo = string.Join(' ', new (string Key, string? Value)[]
            {
                ("host", npgsql.Host), ("port", npgsql.Port.ToString(System.Globalization.CultureInfo.InvariantCulture)),
                ("dbname", npgsql.Database), ("user", npgsql.Username), ("sslmode", npgsql.SslMode.ToString().ToLowerInvariant() switch
                {
                    "verifyca" => "verify-ca", "verifyfull" => "verify-full", var mode => mode,
                }),
            }.Where(p => !string.IsNullOrEmpty(p.Value)).Select(p => p.Key + "='" + Quoted(p.Value!) + "'"));
        var start = new ProcessStartInfo(name, [.. options, "--dbname=" + conninfo, .. files])
        {
            RedirectStandardError = true,
            RedirectStandardOutput = true,
        };
        if (!string.IsNullOrEmpty(npgsql.Password))
            start.Environment["PGPASSWORD"] = npgsql.Password;
        Process process;
        try
        {
            process = Process.Start(start)!;
        }
        catch (System.ComponentModel.Win32Exception e)
        {
            throw new InvalidInputException(LocalizedText.Format("无法运行 {0}（请安装 postgresql-client）：{1}",
                "cannot run {0} (install postgresql-client): {1}", name, e.Message));
        }
        using (process)
        {
            var errors = process.StandardError.ReadToEndAsync();
            _ = process.StandardOutput.ReadToEndAsync();
            if (!process.WaitForExit(s_toolTimeout))
            {
                process.Kill(entireProcessTree: true);
                throw new InvalidInputException(LocalizedText.Format("{0} 超时。", "{0} timed out.", name));
            }
            if (process.ExitCode != 0)
                throw new InvalidInputException(LocalizedText.Format("{0} 失败：{1}", "{0} failed: {1}", name, errors.Result.Trim()));
        }
    }
}
