using Kaoping.Cli.Backup;
using Kaoping.Data;
using Kaoping.Text;

namespace Kaoping.Cli.Commands;

/// <summary>
/// <c>kaoping backup --to DIR</c> and <c>kaoping restore --from DIR</c>: the database (a consistent copy while the app
/// runs), the evidence files and <c>manifest.json</c> with their SHA-256. The database comes from <see cref="CliDatabase"/>;
/// the evidence directory from <c>--evidence</c>, <c>Kaoping__EvidenceDirectory</c> or <c>Kaoping__DataDirectory</c>/evidence.
/// </summary>
public static class BackupCommand
{
    private const string EvidenceFolder = "evidence";

    public static int Backup(CliArguments cli, TextWriter output, TimeProvider clock)
    {
        var to = Path.GetFullPath(cli.Required("--to"));
        var (provider, connection) = CliDatabase.Resolve(cli);
        var evidence = CliDatabase.EvidenceDirectory(cli);
        if (Directory.Exists(to) && Directory.EnumerateFileSystemEntries(to).Any())
            throw new UsageException(LocalizedText.Format("备份目录“{0}”不是空的：请给出一个新目录。", "the backup directory “{0}” is not empty: give a new one.", to));
        Directory.CreateDirectory(to);
        try
        {
            // The database first: every evidence file its rows name is already on disk, as files are stored before their rows.
            DatabaseCopy.Save(provider, connection, Path.Combine(to, DatabaseCopy.FileOf(provider)));
        }
        catch (Exception e) when (CliDatabase.IsDatabaseError(e))
        {
            throw CliDatabase.Unreachable(e);
        }
        var copied = 0;
        if (Directory.Exists(evidence))
        {
            foreach (var file in Directory.EnumerateFiles(evidence, "*", SearchOption.AllDirectories).Where(f => !f.EndsWith(".tmp", StringComparison.Ordinal)))
            {
                var target = Path.Combine(to, EvidenceFolder, Path.GetRelativePath(evidence, file));
                Directory.CreateDirectory(Path.GetDirectoryName(target)!);
                File.Copy(file, target);
                copied++;
            }
        }
        var manifest = BackupManifest.Of(to, provider.ToString(), clock.GetUtcNow());
        manifest.Write(to);
        output.WriteLine(cli.Language == Language.Zh
            ? $"已备份到 {to}：数据库和{copied}个佐证材料文件，清单 {BackupManifest.FileName}。"
            : $"Backed up to {to}: the database and {copied} evidence file(s), listed in {BackupManifest.FileName}.");
        return KaopingCli.Ok;
    }

    public static int Restore(CliArguments cli, TextWriter output)
    {
        var from = Path.GetFullPath(cli.Required("--from"));
        if (!Directory.Exists(from))
            throw new UsageException(LocalizedText.Format("找不到备份目录“{0}”。", "there is no backup directory “{0}”.", from));
        var (provider, connection) = CliDatabase.Resolve(cli);
        var evidence = CliDatabase.EvidenceDirectory(cli);
        var manifest = BackupManifest.ReadVerified(from);
        if (!string.Equals(manifest.Provider, provider.ToString(), StringComparison.OrdinalIgnoreCase))
            throw new UsageException(LocalizedText.Format("这是 {0} 数据库的备份，不能恢复到 {1}。", "this is a backup of a {0} database; it cannot go into {1}.",
                manifest.Provider, provider));
        var files = manifest.Files.Where(f => f.Path.StartsWith(EvidenceFolder + "/", StringComparison.Ordinal)).ToList();
        try
        {
            var tables = DatabaseCopy.Tables(provider, connection);
            if (tables > 0)
                throw new InvalidInputException(LocalizedText.Format("目标数据库不是空的（已有{0}个表），未做任何修改：请恢复到新建的空数据库。",
                    "the target database is not empty ({0} tables); nothing was changed: restore into a new, empty database.", tables));
            foreach (var file in files)
            {
                var target = Path.Combine(evidence, file.Path[(EvidenceFolder.Length + 1)..]);
                if (File.Exists(target) && new FileInfo(target).Length != file.Size)
                    throw new InvalidInputException(LocalizedText.Format("佐证材料目录中已有不同的“{0}”，未做任何修改。",
                        "the evidence directory already holds a different “{0}”; nothing was changed.", target));
            }
            DatabaseCopy.Load(provider, connection, Path.Combine(from, DatabaseCopy.FileOf(provider)));
        }
        catch (Exception e) when (CliDatabase.IsDatabaseError(e))
        {
            throw CliDatabase.Unreachable(e);
        }
        foreach (var file in files)
        {
            var target = Path.Combine(evidence, file.Path[(EvidenceFolder.Length + 1)..]);
            Directory.CreateDirectory(Path.GetDirectoryName(target)!);
            if (!File.Exists(target))
                File.Copy(Path.Combine(from, file.Path), target);
        }
        output.WriteLine(cli.Language == Language.Zh
            ? $"已从 {from} 恢复数据库和{files.Count}个佐证材料文件（{manifest.CreatedAt:yyyy-MM-dd HH:mm} UTC 的备份，清单核对无误）。"
            : $"Restored the database and {files.Count} evidence file(s) from {from} (made {manifest.CreatedAt:yyyy-MM-dd HH:mm} UTC; manifest verified).");
        return KaopingCli.Ok;
    }
}
