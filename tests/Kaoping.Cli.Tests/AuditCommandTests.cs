using Kaoping.Campaigns;
using Kaoping.Data;
using Kaoping.Data.Entities;
using Microsoft.EntityFrameworkCore;
using Npgsql;

namespace Kaoping.Cli.Tests;

/// <summary><c>kaoping audit verify</c> on a database <c>kaoping migrate</c> made: 0 when intact, 1 naming the first break.</summary>
public class AuditCommandTests
{
    public static TheoryData<DatabaseProvider> Providers =>
        Environment.GetEnvironmentVariable("KAOPING_TEST_POSTGRES") is { Length: > 0 }
            ? [DatabaseProvider.Sqlite, DatabaseProvider.Postgres]
            : [DatabaseProvider.Sqlite];

    /// <summary>A migrated database with one sheet of three audit entries and one evidence file.</summary>
    private sealed class Prepared : IDisposable
    {
        public Prepared(DatabaseProvider provider)
        {
            Provider = provider;
            Directory.CreateDirectory(Evidence);
            if (provider == DatabaseProvider.Postgres)
            {
                var server = Environment.GetEnvironmentVariable("KAOPING_TEST_POSTGRES")!;
                _database = "kaoping_cli_" + Guid.NewGuid().ToString("N")[..12];
                using var admin = new NpgsqlConnection(server);
                admin.Open();
                using var create = new NpgsqlCommand($"CREATE DATABASE {_database}", admin);
                create.ExecuteNonQuery();
                Connection = new NpgsqlConnectionStringBuilder(server) { Database = _database }.ConnectionString;
            }
            else
            {
                Connection = "Data Source=" + Path.Combine(_directory, "kaoping.db");
            }
            Assert.Equal(0, CliRun.Of("migrate", "--provider", provider.ToString(), "--connection", Connection).ExitCode);
            using var db = DatabaseSetup.CreateContext(provider, Connection);
            var campaign = new Campaign
            {
                Name = "测试考评", Year = 2018, CreatedAt = DateTimeOffset.UnixEpoch,
                Rubric = new StoredRubric { Title = "测试细则", Points = 40, Version = 1, SourceName = "t.txt", SourceText = "", CreatedBy = "t" },
            };
            var sheet = new Sheet { Target = new Target { Name = "禹州市" }, State = SheetState.Assessing };
            campaign.Sheets.Add(sheet);
            db.Campaigns.Add(campaign);
            db.SaveChanges();
            var bytes = "%PDF-1.4 会议纪要"u8.ToArray();
            var sha = Convert.ToHexStringLower(System.Security.Cryptography.SHA256.HashData(bytes));
            EvidenceFile = Data.Audit.EvidenceFiles.PathOf(Evidence, sha);
            Directory.CreateDirectory(Path.GetDirectoryName(EvidenceFile)!);
            File.WriteAllBytes(EvidenceFile, bytes);
            sheet.Evidence.Add(new SheetEvidence
            {
                ItemKey = new Rubrics.ItemKey(1, 1, 2), Side = FindingSide.Team, FileName = "纪要.pdf", Kind = EvidenceKind.Pdf, Size = bytes.Length,
                Sha256 = sha, UploadedBy = "assessor1", UploadedAt = DateTimeOffset.UtcNow,
            });
            for (var i = 0; i < 3; i++)
                sheet.Record(AuditKind.Findings, new Rubrics.ItemKey(1, 1, 2), "得分" + i, "得分" + (i + 1), null, "assessor1", DateTimeOffset.UtcNow);
            db.SaveChanges();
            EntryIds = [.. sheet.Audit.Select(e => e.Id).Order()];
        }

        private readonly string _directory = Directory.CreateTempSubdirectory("kaoping-audit-").FullName;
        private readonly string? _database;

        public DatabaseProvider Provider { get; }

        public string Connection { get; }

        public string Evidence => Path.Combine(_directory, "evidence");

        public string EvidenceFile { get; }

        public IReadOnlyList<long> EntryIds { get; }

        public CliRun Verify(params string[] more) =>
            CliRun.Of(["audit", "verify", "--provider", Provider.ToString(), "--connection", Connection, "--evidence", Evidence, .. more]);

        public void Sql(string sql)
        {
            using var db = DatabaseSetup.CreateContext(Provider, Connection);
            db.Database.ExecuteSqlRaw(sql);
        }

        public void Dispose()
        {
            Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
            if (_database is not null)
            {
                NpgsqlConnection.ClearAllPools();
                using var admin = new NpgsqlConnection(Environment.GetEnvironmentVariable("KAOPING_TEST_POSTGRES"));
                admin.Open();
                using var drop = new NpgsqlCommand($"DROP DATABASE IF EXISTS {_database} WITH (FORCE)", admin);
                drop.ExecuteNonQuery();
            }
            Directory.Delete(_directory, recursive: true);
        }
    }

    [Theory]
    [MemberData(nameof(Providers))]
    public void Verify_AnIntactDatabase_ExitsZeroWithASummary(DatabaseProvider provider)
    {
        using var db = new Prepared(provider);

        var run = db.Verify();

        Assert.Equal(0, run.ExitCode);
        Assert.Contains("审计链完整：1张考评表的3条修改记录、0条安全事件，1个佐证材料文件", run.Out);
    }

    [Theory]
    [MemberData(nameof(Providers))]
    public void Verify_AnEntryChanged_ExitsOneNamingIt(DatabaseProvider provider)
    {
        using var db = new Prepared(provider);
        db.Sql($"""UPDATE "SheetAudit" SET "By" = 'admin' WHERE "Id" = {db.EntryIds[0]}""");

        var run = db.Verify();

        Assert.Equal(1, run.ExitCode);
        Assert.StartsWith($"审计链被破坏：考评表1的修改记录 #{db.EntryIds[0]}：哈希不符", run.Out);
    }

    [Theory]
    [MemberData(nameof(Providers))]
    public void Verify_AnEntryDeleted_ExitsOneNamingTheNext(DatabaseProvider provider)
    {
        using var db = new Prepared(provider);
        db.Sql($"""DELETE FROM "SheetAudit" WHERE "Id" = {db.EntryIds[1]}""");

        var run = db.Verify();

        Assert.Equal(1, run.ExitCode);
        Assert.StartsWith($"审计链被破坏：考评表1的修改记录 #{db.EntryIds[2]}：哈希不符", run.Out);
    }

    [Theory]
    [MemberData(nameof(Providers))]
    public void Verify_EntriesReordered_ExitsOne(DatabaseProvider provider)
    {
        using var db = new Prepared(provider);
        db.Sql($"""UPDATE "SheetAudit" SET "Id" = -1 WHERE "Id" = {db.EntryIds[1]}""");
        db.Sql($"""UPDATE "SheetAudit" SET "Id" = {db.EntryIds[1]} WHERE "Id" = {db.EntryIds[2]}""");
        db.Sql($"""UPDATE "SheetAudit" SET "Id" = {db.EntryIds[2]} WHERE "Id" = -1""");

        var run = db.Verify();

        Assert.Equal(1, run.ExitCode);
        Assert.StartsWith($"审计链被破坏：考评表1的修改记录 #{db.EntryIds[1]}：哈希不符", run.Out);
    }

    [Theory]
    [MemberData(nameof(Providers))]
    public void Verify_AnEvidenceFileEdited_ExitsOneNamingIt(DatabaseProvider provider)
    {
        using var db = new Prepared(provider);
        File.AppendAllText(db.EvidenceFile, "!");

        var run = db.Verify("--lang", "en");

        Assert.Equal(1, run.ExitCode);
        Assert.StartsWith("The audit trail is broken: evidence #1 (sheet 1, “纪要.pdf”): the file's content does not match its recorded SHA-256", run.Out);
    }

    /// <summary>Seals the prepared evidence file with a new key (as the web app stores it when encryption is on); returns the key's file.</summary>
    private static string Encrypt(Prepared db)
    {
        var key = Convert.ToBase64String(System.Security.Cryptography.RandomNumberGenerator.GetBytes(16));
        var plain = File.ReadAllBytes(db.EvidenceFile);
        using (var file = File.Create(db.EvidenceFile))
        {
            var sealer = new Data.Evidence.EvidenceSealer(file, Data.Evidence.EvidenceKey.Parse(key)!);
            sealer.WriteAsync(plain, CancellationToken.None).GetAwaiter().GetResult();
            sealer.CompleteAsync(CancellationToken.None).GetAwaiter().GetResult();
        }
        Assert.NotEqual(plain, File.ReadAllBytes(db.EvidenceFile));
        return CliRun.TempFile(key + "\n", ".key");
    }

    [Fact]
    public void Verify_AnEncryptedEvidenceFile_IsCheckedAgainstThePlaintextsHash()
    {
        using var db = new Prepared(DatabaseProvider.Sqlite);
        var key = Encrypt(db);

        var run = db.Verify("--evidence-key-file", key);

        Assert.True(run.ExitCode == 0, run.Out + run.Err);
        Assert.Contains("1个佐证材料文件", run.Out);
    }

    [Fact]
    public void Verify_AnEncryptedEvidenceFileChanged_OrWithoutItsKey_ExitsOneSayingWhy()
    {
        using var db = new Prepared(DatabaseProvider.Sqlite);
        var key = Encrypt(db);

        var keyless = db.Verify("--lang", "en");
        var bytes = File.ReadAllBytes(db.EvidenceFile);
        bytes[Data.Evidence.EvidenceFormat.HeaderLength + 2] ^= 1;
        File.WriteAllBytes(db.EvidenceFile, bytes);
        var changed = db.Verify("--lang", "en", "--evidence-key-file", key);

        Assert.Equal(1, keyless.ExitCode);
        Assert.Contains("evidence #1 (sheet 1, “纪要.pdf”): the file is encrypted but Kaoping:Evidence:EncryptionKey is not set", keyless.Out);
        Assert.Equal(1, changed.ExitCode);
        Assert.Contains("evidence #1 (sheet 1, “纪要.pdf”): chunk 1 of the encrypted file fails its authentication", changed.Out);
    }

    [Fact]
    public void Verify_AMalformedKey_IsAClearErrorNamingTheSetting()
    {
        using var db = new Prepared(DatabaseProvider.Sqlite);

        var run = db.Verify("--evidence-key-file", CliRun.TempFile("c2hvcnQ=", ".key"));

        Assert.Equal(2, run.ExitCode);
        Assert.Contains("Kaoping:Evidence:EncryptionKey 应为16字节密钥的 base64", run.Err);
    }

    [Fact]
    public void Verify_AMissingSqliteFile_IsAClearErrorAndCreatesNothing()
    {
        var file = Path.Combine(Path.GetTempPath(), "kaoping-none-" + Guid.NewGuid().ToString("N") + ".db");

        var run = CliRun.Of("audit", "verify", "--provider", "sqlite", "--connection", "Data Source=" + file);

        Assert.Equal(2, run.ExitCode);
        Assert.Contains("数据库文件不存在", run.Err);
        Assert.False(File.Exists(file));
    }
}
