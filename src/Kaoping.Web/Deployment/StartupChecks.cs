using Kaoping.Data;
using Kaoping.Text;
using Npgsql;

namespace Kaoping.Web.Deployment;

/// <summary>
/// The configuration checked before anything starts: the provider and its connection string, the data and evidence
/// directories writable with space left, and every certificate file named in the settings present. Each refusal names
/// the setting or path and the cause (<see cref="StartupFailure"/>).
/// </summary>
public static class StartupChecks
{
    /// <summary>Less free space than this in a data directory is a full disk.</summary>
    public const long MinimumFreeBytes = 16 * 1024 * 1024;

    public static (string DataDirectory, DatabaseProvider Provider, string ConnectionString) Run(IConfiguration configuration,
        IHostEnvironment environment, Services.KaopingOptions options)
    {
        var dataDirectory = Path.GetFullPath(options.DataDirectory, environment.ContentRootPath);
        WritableDirectory("Kaoping:DataDirectory", dataDirectory);
        DatabaseProvider provider;
        string connectionString;
        try
        {
            (provider, connectionString) = DatabaseSetup.Resolve(configuration, dataDirectory);
        }
        catch (InvalidOperationException e)
        {
            throw new StartupFailure(new("数据库设置有误：" + e.Message, "the database settings are wrong: " + e.Message));
        }
        if (provider == DatabaseProvider.Postgres)
            PostgresConnection(connectionString);
        else
            SqliteFile(connectionString);
        if (options.EvidenceDirectory is { Length: > 0 } evidence)
            WritableDirectory("Kaoping:EvidenceDirectory", Path.GetFullPath(evidence));
        if (TimeZoneInfo.TryFindSystemTimeZoneById(options.TimeZone, out _) is false)
            throw new StartupFailure(LocalizedText.Format("Kaoping:TimeZone：不认识的时区“{0}”。", "Kaoping:TimeZone: unknown time zone “{0}”.", options.TimeZone));
        CertificateFiles(configuration);
        EvidenceKey(options.Evidence.EncryptionKey);
        return (dataDirectory, provider, connectionString);
    }

    /// <summary>A configured evidence key must be one: a mistyped key would store files no one can read later.</summary>
    private static void EvidenceKey(string? key)
    {
        try
        {
            Data.Evidence.EvidenceKey.Parse(key);
        }
        catch (InvalidInputException e)
        {
            throw new StartupFailure(e.Text);
        }
    }

    /// <summary>Creates the directory (mode 700 on Linux) and proves a file can be written there.</summary>
    public static void WritableDirectory(string setting, string path)
    {
        var probe = Path.Combine(path, ".write-check-" + Guid.NewGuid().ToString("N"));
        try
        {
            if (!Directory.Exists(path))
            {
                if (OperatingSystem.IsWindows())
                    Directory.CreateDirectory(path);
                else
                    Directory.CreateDirectory(path, FileModes.Directory);
            }
            using (var file = new FileStream(probe, FileMode.CreateNew, FileAccess.Write, FileShare.None, 1, FileOptions.DeleteOnClose))
            {
                file.WriteByte(1);
                file.Flush(flushToDisk: true);
            }
            if (new DriveInfo(path).AvailableFreeSpace < MinimumFreeBytes)
                throw new StartupFailure(LocalizedText.Format("{0}“{1}”所在磁盘已满（剩余不足 16 MB）。",
                    "{0} “{1}”: the disk is full (less than 16 MB free).", setting, path));
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            throw new StartupFailure(LocalizedText.Format("{0}“{1}”不可写：{2}", "{0} “{1}” is not writable: {2}", setting, path, e.Message));
        }
    }

    private static void SqliteFile(string connectionString)
    {
        var file = new Microsoft.Data.Sqlite.SqliteConnectionStringBuilder(connectionString).DataSource;
        if (string.IsNullOrEmpty(file) || file == ":memory:")
            return;
        var path = Path.GetFullPath(file);
        WritableDirectory("ConnectionStrings:Kaoping", Path.GetDirectoryName(path)!);
        if (!File.Exists(path) && !Directory.Exists(path))
            return;
        try
        {
            using var open = new FileStream(path, FileMode.Open, FileAccess.ReadWrite, FileShare.ReadWrite);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            throw new StartupFailure(LocalizedText.Format("数据库文件“{0}”无法读写：{1}", "the database file “{0}” cannot be opened for writing: {1}", path, e.Message));
        }
    }

    private static void PostgresConnection(string connectionString)
    {
        try
        {
            _ = new NpgsqlConnectionStringBuilder(connectionString);
        }
        catch (ArgumentException e)
        {
            throw new StartupFailure(LocalizedText.Format("ConnectionStrings:Kaoping 不是有效的 PostgreSQL 连接字符串：{0}",
                "ConnectionStrings:Kaoping is not a PostgreSQL connection string: {0}", e.Message));
        }
    }

    /// <summary>Kestrel's certificates (<c>Kestrel:…:Certificate:Path</c>, <c>Kestrel:Certificates:…:Path</c>, their KeyPath) and Kaoping's own.</summary>
    private static void CertificateFiles(IConfiguration configuration)
    {
        var named = configuration.GetSection("Kestrel").AsEnumerable(makePathsRelative: false)
            .Concat(configuration.GetSection("Kaoping:DataProtection").AsEnumerable(makePathsRelative: false))
            .Where(s => s.Value is { Length: > 0 } && (s.Key.EndsWith(":Path", StringComparison.OrdinalIgnoreCase)
                || s.Key.EndsWith(":KeyPath", StringComparison.OrdinalIgnoreCase) || s.Key.EndsWith(":CertificatePath", StringComparison.OrdinalIgnoreCase)));
        foreach (var (key, value) in named)
        {
            if (!File.Exists(value))
                throw new StartupFailure(LocalizedText.Format("{0}：证书文件“{1}”不存在。", "{0}: the certificate file “{1}” does not exist.", key, value));
        }
    }
}
