namespace Kaoping.Cli.Tests;

public class MigrateCommandTests
{
    [Fact]
    public void Migrate_ANewSqliteFile_AppliesTheMigrationsOnceThenReportsUpToDate()
    {
        var file = Path.Combine(Path.GetTempPath(), "kaoping-migrate-" + Guid.NewGuid().ToString("N") + ".db");

        var first = CliRun.Of("migrate", "--provider", "sqlite", "--connection", "Data Source=" + file);
        var second = CliRun.Of("migrate", "--provider", "sqlite", "--connection", "Data Source=" + file);

        Assert.Equal(0, first.ExitCode);
        Assert.Contains("已应用", first.Out);
        Assert.Contains("Initial", first.Out);
        Assert.Equal(0, second.ExitCode);
        Assert.Contains("数据库已是最新", second.Out);
    }

    [Fact]
    public void Migrate_AnUnknownProvider_IsRefused()
    {
        var run = CliRun.Of("migrate", "--provider", "oracle");

        Assert.Equal(2, run.ExitCode);
        Assert.Contains("不支持的数据库“oracle”", run.Err);
    }

    [Fact]
    public void Migrate_AnUnreachablePostgres_IsAClearError()
    {
        var run = CliRun.Of("migrate", "--provider", "postgres", "--connection", "Host=127.0.0.1;Port=1;Database=x;Username=x;Timeout=2");

        Assert.Equal(2, run.ExitCode);
        Assert.Equal("", run.Out);
        Assert.Contains("无法连接或升级数据库", run.Err);
    }
}
