using Kaoping.Campaigns;
using Kaoping.Data.Audit;
using Kaoping.Data.Entities;
using Kaoping.Data.Sheets;
using Kaoping.Rubrics;
using Microsoft.EntityFrameworkCore;

namespace Kaoping.Data.Tests;

/// <summary>Every audit entry is chained: a change, a deletion or a reordering in the database is found and named.</summary>
public class AuditChainTests
{
    private static CancellationToken Cancel => TestContext.Current.CancellationToken;

    private static readonly ItemKey Item = new(1, 1, 2);

    private static async Task<List<long>> RecordAsync(TestDatabase database, int sheet, int count)
    {
        for (var i = 0; i < count; i++)
        {
            var save = await database.Store.ChangeAsync<string>(sheet, s =>
            {
                s.Record(AuditKind.Findings, Item, "得分" + i, "得分" + (i + 1), "第" + i + "次", "assessor1", DateTimeOffset.UtcNow);
                return Task.FromResult<string?>(null);
            }, Cancel);
            Assert.Equal(SheetSaveOutcome.Saved, save.Outcome);
        }
        await using var db = database.Context();
        return await db.SheetAudit.Where(e => e.SheetId == sheet).OrderBy(e => e.Id).Select(e => e.Id).ToListAsync(Cancel);
    }

    private static async Task<AuditVerification> VerifyAsync(TestDatabase database)
    {
        await using var db = database.Context();
        return await AuditVerifier.VerifyAsync(db, null, Cancel);
    }

    private static async Task SqlAsync(TestDatabase database, string sql)
    {
        await using var db = database.Context();
        await db.Database.ExecuteSqlRawAsync(sql, Cancel);
    }

    [Theory]
    [MemberData(nameof(Databases.All), MemberType = typeof(Databases))]
    public async Task Entries_WrittenThroughTheStore_AreIntact(DatabaseProvider provider)
    {
        await using var database = await TestDatabase.WithSheetsAsync(provider);
        await RecordAsync(database, database.SheetIds[0], 3);
        await RecordAsync(database, database.SheetIds[1], 2);

        var result = await VerifyAsync(database);

        Assert.Null(result.Break);
        Assert.Equal((2, 5L), (result.Sheets, result.Entries));
    }

    [Theory]
    [MemberData(nameof(Databases.All), MemberType = typeof(Databases))]
    public async Task AnEntryChangedInTheDatabase_IsNamed(DatabaseProvider provider)
    {
        await using var database = await TestDatabase.WithSheetsAsync(provider);
        var ids = await RecordAsync(database, database.SheetIds[0], 3);
        await SqlAsync(database, $"""UPDATE "SheetAudit" SET "After" = '得分9' WHERE "Id" = {ids[1]}""");

        var broken = (await VerifyAsync(database)).Break;

        Assert.Equal($"考评表{database.SheetIds[0]}的修改记录 #{ids[1]}：哈希不符——这条记录的内容被改动，或它之前的记录被删除或调换了次序。", broken?.Zh);
    }

    [Theory]
    [MemberData(nameof(Databases.All), MemberType = typeof(Databases))]
    public async Task AnEntryDeletedInTheMiddle_IsFoundAtTheNextEntry(DatabaseProvider provider)
    {
        await using var database = await TestDatabase.WithSheetsAsync(provider);
        var ids = await RecordAsync(database, database.SheetIds[0], 3);
        await SqlAsync(database, $"""DELETE FROM "SheetAudit" WHERE "Id" = {ids[1]}""");

        var broken = (await VerifyAsync(database)).Break;

        Assert.StartsWith($"考评表{database.SheetIds[0]}的修改记录 #{ids[2]}：哈希不符", broken?.Zh);
    }

    [Theory]
    [MemberData(nameof(Databases.All), MemberType = typeof(Databases))]
    public async Task TheLastEntryDeleted_IsFoundByTheSheetsHead(DatabaseProvider provider)
    {
        await using var database = await TestDatabase.WithSheetsAsync(provider);
        var ids = await RecordAsync(database, database.SheetIds[0], 3);
        await SqlAsync(database, $"""DELETE FROM "SheetAudit" WHERE "Id" = {ids[2]}""");

        var broken = (await VerifyAsync(database)).Break;

        Assert.StartsWith($"考评表{database.SheetIds[0]}：链尾哈希与最后一条修改记录（#{ids[1]}）不符", broken?.Zh);
    }

    [Theory]
    [MemberData(nameof(Databases.All), MemberType = typeof(Databases))]
    public async Task EveryEntryDeleted_IsFoundByTheSheetsHead(DatabaseProvider provider)
    {
        await using var database = await TestDatabase.WithSheetsAsync(provider);
        await RecordAsync(database, database.SheetIds[1], 2);
        await SqlAsync(database, $"""DELETE FROM "SheetAudit" WHERE "SheetId" = {database.SheetIds[1]}""");

        var broken = (await VerifyAsync(database)).Break;

        Assert.StartsWith($"考评表{database.SheetIds[1]}：链尾记有哈希，却没有任何修改记录", broken?.Zh);
    }

    [Theory]
    [MemberData(nameof(Databases.All), MemberType = typeof(Databases))]
    public async Task TwoEntriesSwapped_AreFound(DatabaseProvider provider)
    {
        await using var database = await TestDatabase.WithSheetsAsync(provider);
        var ids = await RecordAsync(database, database.SheetIds[0], 3);
        await SqlAsync(database, $"""UPDATE "SheetAudit" SET "Id" = -1 WHERE "Id" = {ids[0]}""");
        await SqlAsync(database, $"""UPDATE "SheetAudit" SET "Id" = {ids[0]} WHERE "Id" = {ids[1]}""");
        await SqlAsync(database, $"""UPDATE "SheetAudit" SET "Id" = {ids[1]} WHERE "Id" = -1""");

        var broken = (await VerifyAsync(database)).Break;

        Assert.StartsWith($"考评表{database.SheetIds[0]}的修改记录 #{ids[0]}：哈希不符", broken?.Zh);
    }

    [Theory]
    [MemberData(nameof(Databases.All), MemberType = typeof(Databases))]
    public async Task ConcurrentWritersOfOneSheet_EachRetryingWhenStale_LeaveOneIntactChain(DatabaseProvider provider)
    {
        await using var database = await TestDatabase.WithSheetsAsync(provider);
        var sheet = database.SheetIds[0];
        await Task.WhenAll(Enumerable.Range(0, 8).Select(writer => Task.Run(async () =>
        {
            for (var i = 0; i < 5; i++)
            {
                while ((await database.Store.ChangeAsync<string>(sheet, s =>
                       {
                           s.Record(AuditKind.Findings, Item, null, $"{writer}/{i}", null, "assessor" + writer, DateTimeOffset.UtcNow);
                           return Task.FromResult<string?>(null);
                       }, Cancel)).Outcome == SheetSaveOutcome.Stale)
                {
                }
            }
        }, Cancel)));

        var result = await VerifyAsync(database);

        Assert.Null(result.Break);
        Assert.Equal(40, result.Entries);
    }

    [Theory]
    [MemberData(nameof(Databases.All), MemberType = typeof(Databases))]
    public async Task TheSecurityLog_AppendedConcurrently_IsIntact_AndAChangedOrDeletedEventIsNamed(DatabaseProvider provider)
    {
        await using var database = await TestDatabase.WithSheetsAsync(provider);
        var log = database.SecurityLog;
        await Task.WhenAll(Enumerable.Range(0, 20).Select(i => Task.Run(() => log.AppendAsync(new SecurityEvent
        {
            Kind = SecurityEventKind.SignInFailed, UserName = "user" + i, Address = "127.0.0.1", At = DateTimeOffset.UtcNow,
        }, Cancel), Cancel)));
        var intact = await VerifyAsync(database);
        var ids = (await log.PageAsync(null, 100, Cancel)).Select(e => e.Id).Order().ToList();

        await SqlAsync(database, $"""UPDATE "SecurityLog" SET "UserName" = 'admin' WHERE "Id" = {ids[4]}""");
        var changed = (await VerifyAsync(database)).Break;
        await SqlAsync(database, $"""DELETE FROM "SecurityLog" WHERE "Id" >= {ids[4]}""");
        var truncated = (await VerifyAsync(database)).Break;

        Assert.Null(intact.Break);
        Assert.Equal(20, intact.Events);
        Assert.StartsWith($"安全日志的事件 #{ids[4]}：哈希不符", changed?.Zh);
        Assert.StartsWith($"安全日志：链尾哈希与最后一条事件（#{ids[3]}）不符", truncated?.Zh);
    }

    [Theory]
    [MemberData(nameof(Databases.All), MemberType = typeof(Databases))]
    public async Task AnEvidenceFileChangedOrMissing_IsNamed(DatabaseProvider provider)
    {
        await using var database = await TestDatabase.WithSheetsAsync(provider);
        var directory = Directory.CreateTempSubdirectory("kaoping-evidence-").FullName;
        var bytes = "%PDF-1.4 会议纪要"u8.ToArray();
        var sha = Convert.ToHexStringLower(System.Security.Cryptography.SHA256.HashData(bytes));
        var path = EvidenceFiles.PathOf(directory, sha);
        Directory.CreateDirectory(Path.GetDirectoryName(path)!);
        await File.WriteAllBytesAsync(path, bytes, Cancel);
        SheetEvidence? added = null;
        await database.Store.ChangeAsync<string>(database.SheetIds[0], s =>
        {
            s.Evidence.Add(added = new SheetEvidence
            {
                ItemKey = Item, Side = FindingSide.Team, FileName = "会议纪要.pdf", Kind = EvidenceKind.Pdf, Size = bytes.Length, Sha256 = sha,
                UploadedBy = "assessor1", UploadedAt = DateTimeOffset.UtcNow,
            });
            return Task.FromResult<string?>(null);
        }, Cancel);
        async Task<AuditVerification> Verify()
        {
            await using var db = database.Context();
            return await AuditVerifier.VerifyAsync(db, s => File.OpenRead(EvidenceFiles.PathOf(directory, s)), Cancel);
        }

        var intact = await Verify();
        await File.WriteAllBytesAsync(path, "%PDF-1.4 改过的纪要"u8.ToArray(), Cancel);
        var changed = (await Verify()).Break;
        File.Delete(path);
        var missing = (await Verify()).Break;

        Assert.Null(intact.Break);
        Assert.Equal(1, intact.Files);
        Assert.Equal($"佐证材料 #{added!.Id}（考评表{database.SheetIds[0]}，“会议纪要.pdf”）：文件内容与记录的 SHA-256 不符——文件被改动了。", changed?.Zh);
        Assert.StartsWith($"佐证材料 #{added.Id}（考评表{database.SheetIds[0]}，“会议纪要.pdf”）：文件无法读取", missing?.Zh);
        Directory.Delete(directory, recursive: true);
    }

    [Theory]
    [MemberData(nameof(Databases.All), MemberType = typeof(Databases))]
    public async Task ANewSheetMovedBeforeItIsSaved_HasAnIntactChain(DatabaseProvider provider)
    {
        await using var database = await TestDatabase.WithSheetsAsync(provider);
        await using (var db = database.Context())
        {
            var campaign = await db.Campaigns.FirstAsync(Cancel);
            var sheet = new Sheet { Target = new Target { Name = "鄢陵县" }, CampaignId = campaign.Id, State = SheetState.NotStarted };
            sheet.Move(SheetAction.StartSelfAssessment, SheetState.SelfAssessing, null, "admin", DateTimeOffset.UtcNow);
            db.Sheets.Add(sheet);
            await db.SaveChangesAsync(Cancel);
        }

        var result = await VerifyAsync(database);

        Assert.Null(result.Break);
        Assert.Equal((3, 1L), (result.Sheets, result.Entries));
    }
}
