using Kaoping.Data;
using Kaoping.Data.Audit;
using Kaoping.Data.Evidence;
using Kaoping.Text;

namespace Kaoping.Cli.Commands;

/// <summary>
/// <c>kaoping audit verify</c>: checks every sheet's audit chain, the security log's chain and each evidence file's bytes
/// against its recorded SHA-256, on the database <c>kaoping migrate</c> would open and the evidence directory the web
/// app uses, decrypted with the key of <see cref="CliDatabase.EvidenceKey"/> when encrypted. Exit 0 with a summary when
/// all is intact; 1 naming the first break.
/// </summary>
public static class AuditCommand
{
    public static int Verify(CliArguments cli, TextWriter output)
    {
        var (provider, connection) = CliDatabase.Resolve(cli);
        var directory = CliDatabase.EvidenceDirectory(cli);
        var key = CliDatabase.EvidenceKey(cli);
        var zh = cli.Language == Language.Zh;
        // Opening a SQLite file that is not there would create an empty one.
        if (provider == DatabaseProvider.Sqlite && new Microsoft.Data.Sqlite.SqliteConnectionStringBuilder(connection).DataSource is { Length: > 0 } file
            && file != ":memory:" && !File.Exists(file))
            throw new InvalidInputException(LocalizedText.Format("数据库文件不存在：{0}", "the database file does not exist: {0}", Path.GetFullPath(file)));
        AuditVerification result;
        using (var db = DatabaseSetup.CreateContext(provider, connection))
        {
            try
            {
                if (!db.Database.CanConnect())
                    throw new InvalidOperationException(zh ? "数据库不存在或无法连接" : "the database does not exist or cannot be reached");
                result = AuditVerifier.VerifyAsync(db, sha => EvidenceFileOpener.OpenRead(EvidenceFiles.PathOf(directory, sha), key), CancellationToken.None)
                    .GetAwaiter().GetResult();
            }
            catch (Exception e) when (e is System.Data.Common.DbException or InvalidOperationException)
            {
                throw new InvalidInputException(LocalizedText.Format("无法读取数据库：{0}", "cannot read the database: {0}", e.Message));
            }
        }
        if (result.Break is { } broken)
        {
            output.WriteLine((zh ? "审计链被破坏：" : "The audit trail is broken: ") + broken.In(cli.Language));
            return KaopingCli.CheckFailed;
        }
        output.WriteLine(zh
            ? $"审计链完整：{result.Sheets}张考评表的{result.Entries}条修改记录、{result.Events}条安全事件，{result.Files}个佐证材料文件（{directory}）均与记录相符。"
            : $"Intact: {result.Entries} audit entries of {result.Sheets} sheets, {result.Events} security events and "
                + $"{result.Files} evidence files ({directory}) match.");
        output.WriteLine((zh ? "安全日志链尾：" : "Security log head: ") + (result.SecurityHead ?? "—"));
        return KaopingCli.Ok;
    }
}
