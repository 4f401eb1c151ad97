using Kaoping.Data;
using Kaoping.Text;

namespace Kaoping.Cli.Commands;

/// <summary>
/// The database and evidence directory of the commands that open them (<c>migrate</c>, <c>audit verify</c>): from the
/// options, or from the environment variables the web app reads.
/// </summary>
internal static class CliDatabase
{
    public static (DatabaseProvider Provider, string Connection) Resolve(CliArguments cli)
    {
        var providerName = cli.Option("--provider") ?? Environment.GetEnvironmentVariable("Kaoping__Database__Provider") ?? "sqlite";
        if (!Enum.TryParse<DatabaseProvider>(providerName, ignoreCase: true, out var provider))
            throw new UsageException(LocalizedText.Format("不支持的数据库“{0}”，可用 sqlite 或 postgres。",
                "unsupported database “{0}”; use sqlite or postgres.", providerName));
        var connection = cli.Option("--connection") ?? Environment.GetEnvironmentVariable("ConnectionStrings__Kaoping")
            ?? (provider == DatabaseProvider.Sqlite ? "Data Source=" + Path.Combine(DataDirectory, "kaoping.db") : null)
            ?? throw new UsageException(LocalizedText.Format("请用 --connection 给出 PostgreSQL 连接字符串。",
                "give the PostgreSQL connection string with --connection."));
        return (provider, connection);
    }

    /// <summary><c>--evidence</c>, else <c>Kaoping__EvidenceDirectory</c>, else <c>evidence/</c> under the data directory.</summary>
    public static string EvidenceDirectory(CliArguments cli)
    {
        if (cli.Option("--evidence") is { Length: > 0 } option)
            return Path.GetFullPath(option);
        return Path.GetFullPath(Environment.GetEnvironmentVariable("Kaoping__EvidenceDirectory") is { Length: > 0 } configured
            ? configured
            : Path.Combine(DataDirectory, "evidence"));
    }

    private static string DataDirectory => Environment.GetEnvironmentVariable("Kaoping__DataDirectory") is { Length: > 0 } d ? d : "data";
}
