using Kaoping.Data;
using Kaoping.Text;

namespace Kaoping.Cli.Commands;

/// <summary>
/// The database a command works on: <c>--provider</c> and <c>--connection</c>, or the same environment variables the
/// web app reads (<c>Kaoping__Database__Provider</c>, <c>ConnectionStrings__Kaoping</c>); SQLite in <c>data/</c> by default.
/// </summary>
public static class CliDatabase
{
    public static (DatabaseProvider Provider, string Connection) Resolve(CliArguments cli)
    {
        var providerName = cli.Option("--provider") ?? Environment.GetEnvironmentVariable("Kaoping__Database__Provider") ?? "sqlite";
        if (!Enum.TryParse<DatabaseProvider>(providerName, ignoreCase: true, out var provider) || !Enum.IsDefined(provider))
            throw new UsageException(LocalizedText.Format("不支持的数据库“{0}”，可用 sqlite 或 postgres。",
                "unsupported database “{0}”; use sqlite or postgres.", providerName));
        var connection = cli.Option("--connection") ?? Environment.GetEnvironmentVariable("ConnectionStrings__Kaoping")
            ?? (provider == DatabaseProvider.Sqlite ? "Data Source=" + Path.Combine("data", "kaoping.db") : null)
            ?? throw new UsageException(LocalizedText.Format("请用 --connection 给出 PostgreSQL 连接字符串。",
                "give the PostgreSQL connection string with --connection."));
        return (provider, connection);
    }

    /// <summary>What a failure to reach the database says.</summary>
    public static InvalidInputException Unreachable(Exception e) =>
        new(LocalizedText.Format("无法连接数据库：{0}", "cannot connect to the database: {0}", e.Message));

    public static bool IsDatabaseError(Exception e) => e is System.Data.Common.DbException or InvalidOperationException or ArgumentException;
}
