extern alias cli;

using System.Data.Common;
using cli::Kaoping.Cli;
using Kaoping.Data;
using Kaoping.Web.Tests.Api;
using Microsoft.EntityFrameworkCore;
using Npgsql;

namespace Kaoping.Web.Tests.Deployment;

/// <summary>
/// <c>kaoping backup --to DIR</c> while the app runs and <c>kaoping restore --from DIR</c> into an empty database
/// (issue 17): every table and every evidence file equal afterwards; a non-empty target and an altered backup refused.
/// </summary>
public class BackupRestoreTests
{
    private static string TempDirectory() => Path.Combine(Path.GetTempPath(), "kaoping-backup-" + Guid.NewGuid().ToString("N"));

    private static (int Code, string Out, string Err) Cli(params string[] args)
    {
        var (stdout, stderr) = (new StringWriter(), new StringWriter());
        var code = KaopingCli.Run(args, stdout, stderr);
        return (code, stdout.ToString(), stderr.ToString());
    }

    /// <summary>A new, empty database of the provider: a file not yet made, or a PostgreSQL database just created.</summary>
    private static string EmptyDatabase(DatabaseProvider provider, List<string> created)
    {
        if (provider == DatabaseProvider.Sqlite)
        {
            var directory = TempDirectory();
            Directory.CreateDirectory(directory);
            return "Data Source=" + Path.Combine(directory, "kaoping.db");
        }
        var name = "kaoping_restore_" + Guid.NewGuid().ToString("N")[..12];
        using var admin = new NpgsqlConnection(Databases.PostgresServer);
        admin.Open();
        using var create = new NpgsqlCommand($"CREATE DATABASE {name}", admin);
        create.ExecuteNonQuery();
        created.Add(name);
        return new NpgsqlConnectionStringBuilder(Databases.PostgresServer) { Database = name }.ConnectionString;
    }

    /// <summary>Every row of every table of the model, as text, sorted: two databases hold the same data when these are equal.</summary>
    private static async Task<List<string>> ContentAsync(DatabaseProvider provider, string connection)
    {
        await using var db = DatabaseSetup.CreateContext(provider, connection);
        var rows = new List<string>();
        var dbConnection = db.Database.GetDbConnection();
        await dbConnection.OpenAsync();
        foreach (var table in db.Model.GetEntityTypes().Select(t => t.GetTableName()).OfType<string>().Distinct().Order(StringComparer.Ordinal))
        {
            await using DbCommand select = dbConnection.CreateCommand();
            select.CommandText = $"SELECT * FROM \"{table}\"";
            await using var reader = await select.ExecuteReaderAsync();
            while (await reader.ReadAsync())
            {
                var values = Enumerable.Range(0, reader.FieldCount)
                    .Select(i => Convert.ToString(reader.GetValue(i), System.Globalization.CultureInfo.InvariantCulture));
                rows.Add(table + ": " + string.Join(" | ", values));
            }
        }
        rows.Sort(StringComparer.Ordinal);
        return rows;
    }

    private static Dictionary<string, string> Files(string directory) => !Directory.Exists(directory) ? [] :
        Directory.EnumerateFiles(directory, "*", SearchOption.AllDirectories)
            .ToDictionary(f => Path.GetRelativePath(directory, f), f => Convert.ToHexString(File.ReadAllBytes(f)));

    [Theory]
    [MemberData(nameof(Databases.All), MemberType = typeof(Databases))]
    public async Task ABackupOfTheRunningApp_RestoresIntoAnEmptyDatabase_WithEveryRowAndFileEqual(DatabaseProvider provider)
    {
        var created = new List<string>();
        using var factory = new KaopingFactory(provider);
        await factory.ReadyAsync();
        var evidence = Path.Combine(factory.DataDirectory, "evidence");
        Directory.CreateDirectory(Path.Combine(evidence, "ab"));
        await File.WriteAllBytesAsync(Path.Combine(evidence, "ab", "ab12"), [1, 2, 3, 250], TestContext.Current.CancellationToken);
        var backup = TempDirectory();
        var target = EmptyDatabase(provider, created);
        var targetEvidence = Path.Combine(TempDirectory(), "evidence");
        try
        {
            var saved = Cli("backup", "--to", backup, "--provider", provider.ToString(), "--connection", factory.ConnectionString, "--evidence", evidence);
            Assert.True(saved.Code == 0, saved.Err);
            Assert.Contains("已备份到", saved.Out);
            Assert.True(File.Exists(Path.Combine(backup, "manifest.json")));

            var restored = Cli("restore", "--from", backup, "--provider", provider.ToString(), "--connection", target, "--evidence", targetEvidence);
            Assert.True(restored.Code == 0, restored.Err);

            var expected = await ContentAsync(provider, factory.ConnectionString);
            Assert.Contains(expected, r => r.StartsWith("AspNetUsers: ", StringComparison.Ordinal));
            Assert.Contains(expected, r => r.StartsWith("SheetFindings: ", StringComparison.Ordinal));
            Assert.Equal(expected, await ContentAsync(provider, target));
            Assert.Equal(Files(evidence), Files(targetEvidence));

            var again = Cli("restore", "--from", backup, "--provider", provider.ToString(), "--connection", target, "--evidence", targetEvidence);
            Assert.Equal(2, again.Code);
            Assert.Contains("目标数据库不是空的", again.Err);
        }
        finally
        {
            Drop(created);
        }
    }

    [Fact]
    public async Task EncryptedEvidence_IsBackedUpAndRestoredAsStored_AndVerifiesWithItsKey()
    {
        using var factory = new KaopingFactory(DatabaseProvider.Sqlite);
        var key = Workflow.EvidenceEncryptionTests.NewKey();
        factory.Settings["Kaoping:Evidence:EncryptionKey"] = key;
        var assessor = await factory.ClientAsAsync("assessor1");
        var upload = await Workflow.EvidenceApiTests.UploadAsync(assessor, await factory.SheetIdAsync("禹州市"), "1.1.3",
            Workflow.EvidenceApiTests.Pdf(), "会议纪要.pdf");
        Assert.Equal(System.Net.HttpStatusCode.Created, upload.StatusCode);
        var evidence = Path.Combine(factory.DataDirectory, "evidence");
        var (backup, target, targetEvidence) = (TempDirectory(), EmptyDatabase(DatabaseProvider.Sqlite, []), Path.Combine(TempDirectory(), "evidence"));
        var keyFile = Path.Combine(Path.GetTempPath(), "kaoping-key-" + Guid.NewGuid().ToString("N"));
        await File.WriteAllTextAsync(keyFile, key, TestContext.Current.CancellationToken);

        var saved = Cli("backup", "--to", backup, "--connection", factory.ConnectionString, "--evidence", evidence);
        var restored = Cli("restore", "--from", backup, "--connection", target, "--evidence", targetEvidence);
        var verified = Cli("audit", "verify", "--connection", target, "--evidence", targetEvidence, "--evidence-key-file", keyFile);

        Assert.True(saved.Code == 0, saved.Err);
        Assert.True(restored.Code == 0, restored.Err);
        Assert.Equal(Files(evidence), Files(targetEvidence));
        var file = Assert.Single(Directory.GetFiles(targetEvidence, "*", SearchOption.AllDirectories));
        Assert.Equal("KPS4"u8.ToArray(), (await File.ReadAllBytesAsync(file, TestContext.Current.CancellationToken))[..4]);
        Assert.True(verified.Code == 0, verified.Out + verified.Err);
        Assert.Contains("1个佐证材料文件", verified.Out);
    }

    [Theory]
    [InlineData("evidence/ab/ab12", "内容与清单中的 SHA-256 不符")]
    [InlineData("kaoping.db", "内容与清单中的 SHA-256 不符")]
    [InlineData("evidence/zz/added", "此文件不在清单中")]
    public async Task AnAlteredBackup_IsRefusedNamingTheFile_AndNothingIsRestored(string altered, string why)
    {
        using var factory = new KaopingFactory(DatabaseProvider.Sqlite);
        await factory.ReadyAsync();
        var evidence = Path.Combine(factory.DataDirectory, "evidence");
        Directory.CreateDirectory(Path.Combine(evidence, "ab"));
        await File.WriteAllBytesAsync(Path.Combine(evidence, "ab", "ab12"), [1, 2, 3], TestContext.Current.CancellationToken);
        var backup = TempDirectory();
        Assert.Equal(0, Cli("backup", "--to", backup, "--connection", factory.ConnectionString, "--evidence", evidence).Code);
        var path = Path.Combine(backup, altered);
        Directory.CreateDirectory(Path.GetDirectoryName(path)!);
        await using (var file = new FileStream(path, FileMode.OpenOrCreate))
        {
            file.Seek(0, SeekOrigin.End);
            file.WriteByte(0);
        }
        var target = EmptyDatabase(DatabaseProvider.Sqlite, []);

        var run = Cli("restore", "--from", backup, "--connection", target, "--evidence", Path.Combine(TempDirectory(), "evidence"));

        Assert.Equal(2, run.Code);
        Assert.Contains("备份已被改动，拒绝恢复：" + altered, run.Err);
        Assert.Contains(why, run.Err);
        Assert.False(File.Exists(new Microsoft.Data.Sqlite.SqliteConnectionStringBuilder(target).DataSource));
    }

    private static void Drop(List<string> databases)
    {
        NpgsqlConnection.ClearAllPools();
        foreach (var name in databases)
        {
            using var admin = new NpgsqlConnection(Databases.PostgresServer);
            admin.Open();
            using var drop = new NpgsqlCommand($"DROP DATABASE IF EXISTS {name} WITH (FORCE)", admin);
            drop.ExecuteNonQuery();
        }
    }
}
