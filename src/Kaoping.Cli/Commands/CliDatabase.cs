using Kaoping.Data;
using Kaoping.Text;

namespace Kaoping.Cli.Commands;

/// <summary>
/// The database and evidence directory of the commands that open them (<c>migrate</c>, <c>user add</c>, <c>backup</c>,
/// <c>restore</c>, <c>audit verify</c>): <c>--provider</c>, <c>--connection</c> and <c>--evidence</c>, or the same
/// environment variables the web app reads (<c>Kaoping__Database__Provider</c>, <c>ConnectionStrings__Kaoping</c>,
/// <c>Kaoping__EvidenceDirectory</c>, <c>Kaoping__DataDirectory</c>); SQLite in <c>data/</c> by default.
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

    /// <summary>
    /// The evidence files' SM4 key: the file named by <c>--evidence-key-file</c> (base64 in it), else
    /// <c>Kaoping__Evidence__EncryptionKey</c>; null when neither is given. A malformed key throws, naming the setting.
    /// </summary>
    public static Data.Evidence.EvidenceKey? EvidenceKey(CliArguments cli)
    {
        var text = Environment.GetEnvironmentVariable("Kaoping__Evidence__EncryptionKey");
        if (cli.Option("--evidence-key-file") is { Length: > 0 } file)
        {
            if (!File.Exists(file))
                throw new InvalidInputException(LocalizedText.Format("密钥文件不存在：{0}", "the key file does not exist: {0}", Path.GetFullPath(file)));
            text = File.ReadAllText(file);
        }
        return Data.Evidence.EvidenceKey.Parse(text);
    }

    /// <summary>What a failure to reach the database says.</summary>
    public static InvalidInputException Unreachable(Exception e) =>
        new(LocalizedText.Format("无法连接数据库：{0}", "cannot connect to the database: {0}", e.Message));

    public static bool IsDatabaseError(Exception e) => e is System.Data.Common.DbException or InvalidOperationException or ArgumentException;

    private static string DataDirectory => Environment.GetEnvironmentVariable("Kaoping__DataDirectory") is { Length: > 0 } d ? d : "data";
}
