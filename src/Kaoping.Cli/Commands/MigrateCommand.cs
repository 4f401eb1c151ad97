using Kaoping.Data;
using Kaoping.Text;
using Microsoft.EntityFrameworkCore;

namespace Kaoping.Cli.Commands;

/// <summary>
/// <c>kaoping migrate</c>: creates or upgrades the database. The web app migrates the embedded SQLite database itself;
/// PostgreSQL is only ever migrated by this command. The database is chosen by <see cref="CliDatabase"/>.
/// </summary>
public static class MigrateCommand
{
    public static int Run(CliArguments cli, TextWriter output)
    {
        var (provider, connection) = CliDatabase.Resolve(cli);
        using var db = DatabaseSetup.CreateContext(provider, connection);
        try
        {
            var pending = db.Database.GetPendingMigrations().ToList();
            db.Database.Migrate();
            var chained = Kaoping.Data.Audit.AuditUpgrade.ChainExistingAsync(db).GetAwaiter().GetResult();
            var zh = cli.Language == Language.Zh;
            output.WriteLine(pending.Count == 0
                ? zh ? "数据库已是最新，无需升级。" : "The database is up to date."
                : zh ? $"已应用{pending.Count}个迁移：{string.Join("、", pending)}" : $"Applied {pending.Count} migration(s): {string.Join(", ", pending)}");
            if (chained > 0)
                output.WriteLine(zh ? $"已将升级前的{chained}条修改记录链入审计链。" : $"Chained {chained} audit entries written before the upgrade.");
            return KaopingCli.Ok;
        }
        catch (Exception e) when (CliDatabase.IsDatabaseError(e))
        {
            throw new InvalidInputException(LocalizedText.Format("无法连接或升级数据库：{0}", "cannot connect to or upgrade the database: {0}", e.Message));
        }
    }
}
