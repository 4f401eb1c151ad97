using Kaoping.Text;

namespace Kaoping.Web.Deployment;

/// <summary>
/// A start that cannot go on: one message naming the setting or path and the cause, Chinese first, and an exit code
/// (78, EX_CONFIG, for configuration that must be corrected; 1 for anything else, which a restart may cure).
/// </summary>
public sealed class StartupFailure(LocalizedText message, int exitCode = StartupFailure.Configuration, Exception? cause = null)
    : Exception(message.Zh + " / " + message.En, cause)
{
    public const int Configuration = 78;
    public const int Other = 1;

    public LocalizedText Text { get; } = message;

    public int ExitCode { get; } = exitCode;

    /// <summary>
    /// The database could not be prepared: known causes (unreachable, refused, read-only, full) name the database and
    /// keep the cause as <see cref="Exception.InnerException"/>; anything else is left null there, to be logged in full.
    /// </summary>
    public static StartupFailure OfDatabase(Exception error, Kaoping.Data.DatabaseProvider provider, string connectionString)
    {
        if (error is StartupFailure failure)
            return failure;
        var where = provider == Kaoping.Data.DatabaseProvider.Postgres
            ? new Npgsql.NpgsqlConnectionStringBuilder(connectionString) is var b ? $"{b.Host}:{b.Port}/{b.Database}" : ""
            : new Microsoft.Data.Sqlite.SqliteConnectionStringBuilder(connectionString).DataSource;
        var known = error is System.Data.Common.DbException or IOException or UnauthorizedAccessException or TimeoutException
            or InvalidOperationException { InnerException: System.Data.Common.DbException or IOException or TimeoutException };
        var cause = error.InnerException is { } inner && error is not System.Data.Common.DbException ? error.Message + " — " + inner.Message : error.Message;
        return new(LocalizedText.Format("数据库“{0}”（ConnectionStrings:Kaoping）不可用：{1}", "the database “{0}” (ConnectionStrings:Kaoping) is not available: {1}",
            where, cause), Other, known ? error : null);
    }

    /// <summary>
    /// Reports an exception that ends the start as one line on standard error, without a stack trace, and exits.
    /// Registered until the app has started; a start under a test host fails by throwing instead.
    /// </summary>
    public static void Report(object? sender, UnhandledExceptionEventArgs e)
    {
        var (line, code) = e.ExceptionObject switch
        {
            StartupFailure failure => (failure.Message, failure.ExitCode),
            Exception other => ($"启动失败 / start failed: {other.GetType().Name}: {other.Message}", Other),
            var other => ($"启动失败 / start failed: {other}", Other),
        };
        Console.Error.WriteLine(line.StartsWith("启动失败", StringComparison.Ordinal) ? line : "启动失败 / start failed: " + line);
        Console.Error.Flush();
        Environment.Exit(code);
    }
}
