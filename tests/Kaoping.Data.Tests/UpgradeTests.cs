using Kaoping.Campaigns;
using Kaoping.Rubrics;
using Kaoping.Scoring;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Migrations;

namespace Kaoping.Data.Tests;

/// <summary>A database made by an earlier release upgrades, and what it held keeps its identity.</summary>
public class UpgradeTests
{
    private static CancellationToken Cancel => TestContext.Current.CancellationToken;

    /// <summary>The last migration of commit 3d6b6bd, before deductions had an identity the application kept.</summary>
    private const string At3d6b6bd = "Workflow";

    [Theory]
    [MemberData(nameof(Databases.All), MemberType = typeof(Databases))]
    public async Task ADatabaseOf3d6b6bd_Upgrades_AndItsDeductionsKeepTheirIds(DatabaseProvider provider)
    {
        await using var database = TestDatabase.Empty(provider);
        await using (var db = database.Context())
        {
            var migrator = db.GetService<IMigrator>();
            await migrator.MigrateAsync(db.Database.GetMigrations().Single(m => m.EndsWith("_" + At3d6b6bd, StringComparison.Ordinal)), Cancel);
            foreach (var statement in s_rowsOf3d6b6bd)
                await db.Database.ExecuteSqlRawAsync(statement, Cancel);
        }
        await using (var db = database.Context())
            await db.Database.MigrateAsync(Cancel);

        var sheet = (await database.Store.ReadAsync(1, Cancel))!;
        Assert.Equal(7, sheet.Version);
        Assert.Equal([41L, 42L], sheet.DeductionsOf(FindingSide.Team, new ItemKey(1, 1, 2)).Select(f => f.Id));
        Assert.Null(Assert.Single(sheet.Appeals).FindingId);

        var key = new ItemKey(1, 1, 2);
        var save = await database.Store.ChangeAsync<string>(1, s =>
        {
            s.ReplaceItem(FindingSide.Team, key, [new ClauseFinding(key, 1, 3), new ManualDeduction(key, 0.5m, "台账不全")], "说明", "assessor1",
                DateTimeOffset.UnixEpoch);
            return Task.FromResult<string?>(null);
        }, Cancel);
        Assert.Equal(Sheets.SheetSaveOutcome.Saved, save.Outcome);
        Assert.Equal([41L, 42L], (await database.Store.ReadAsync(1, Cancel))!.DeductionsOf(FindingSide.Team, key).Select(f => f.Id));
        await using var check = database.Context();
        Assert.Equal(8, await check.Sheets.Where(s => s.Id == 1).Select(s => s.Version).SingleAsync(Cancel));
    }

    [Theory]
    [MemberData(nameof(Databases.All), MemberType = typeof(Databases))]
    public async Task ADatabaseOf3d6b6bd_HasItsAuditEntriesChainedAfterMigrating_AndNewEntriesFollowThem(DatabaseProvider provider)
    {
        await using var database = TestDatabase.Empty(provider);
        await using (var db = database.Context())
        {
            var migrator = db.GetService<IMigrator>();
            await migrator.MigrateAsync(db.Database.GetMigrations().Single(m => m.EndsWith("_" + At3d6b6bd, StringComparison.Ordinal)), Cancel);
            foreach (var statement in s_rowsOf3d6b6bd)
                await db.Database.ExecuteSqlRawAsync(statement, Cancel);
            await db.Database.ExecuteSqlRawAsync("""INSERT INTO "SheetAudit" ("Id", "SheetId", "Kind", "ItemKey", "Before", "After", "By", "At") """
                + "VALUES (10, 1, 'Findings', '1.1.2', '得分0', '得分0.5', 'assessor1', '2018-12-01 01:00:00.1234567+00:00')", Cancel);
            // The database gave 3d6b6bd's entries their ids: its identity counted past them (a chain is in id order).
            if (provider == DatabaseProvider.Postgres)
                await db.Database.ExecuteSqlRawAsync("""SELECT setval(pg_get_serial_sequence('"SheetAudit"', 'Id'), 10)""", Cancel);
        }
        int chained, again;
        await using (var db = database.Context())
        {
            await db.Database.MigrateAsync(Cancel);
            chained = await Audit.AuditUpgrade.ChainExistingAsync(db, Cancel);
            again = await Audit.AuditUpgrade.ChainExistingAsync(db, Cancel);
        }

        var key = new ItemKey(1, 1, 2);
        await database.Store.ChangeAsync<string>(1, s =>
        {
            s.Record(AuditKind.Findings, key, "得分0.5", "得分1", null, "assessor1", DateTimeOffset.UtcNow);
            return Task.FromResult<string?>(null);
        }, Cancel);
        await using var check = database.Context();
        var verified = await Audit.AuditVerifier.VerifyAsync(check, null, Cancel);

        Assert.Equal((2, 0), (chained, again));
        Assert.Null(verified.Break);
        Assert.Equal(3, verified.Entries);
        Assert.Equal(9, await check.Sheets.Where(s => s.Id == 1).Select(s => s.Version).SingleAsync(Cancel));
        Assert.DoesNotContain(await check.SheetAudit.Select(e => e.Hash).ToListAsync(Cancel), h => h == null);
    }

    // Rows as 3d6b6bd wrote them, in the columns it had; the same SQL for both databases.
    private static readonly string[] s_rowsOf3d6b6bd =
    [
        """INSERT INTO "Rubrics" ("Id", "Title", "Points", "Version", "SourceName", "SourceText", "CreatedAt", "CreatedBy") """
            + "VALUES (1, '测试细则', 40, 1, 'test.txt', '', '2018-12-01 00:00:00+00:00', 'admin')",
        """INSERT INTO "Targets" ("Id", "Name", "Kind") VALUES (1, '禹州市', '县（市）')""",
        """INSERT INTO "Campaigns" ("Id", "Name", "Year", "RubricId", "CreatedAt") VALUES (1, '2018年度考评', 2018, 1, '2018-12-01 00:00:00+00:00')""",
        """INSERT INTO "Sheets" ("Id", "CampaignId", "TargetId", "State", "Version", "UpdatedAt", "UpdatedBy") """
            + "VALUES (1, 1, 1, 'Published', 7, '2018-12-01 00:00:00+00:00', 'admin')",
        """INSERT INTO "SheetFindings" ("Id", "SheetId", "Side", "ItemKey", "Position", "Clause", "Count", "Deduction", "Reason") """
            + "VALUES (41, 1, 'Team', '1.1.2', 0, 1, 2, NULL, NULL)",
        """INSERT INTO "SheetFindings" ("Id", "SheetId", "Side", "ItemKey", "Position", "Clause", "Count", "Deduction", "Reason") """
            + "VALUES (42, 1, 'Team', '1.1.2', 1, NULL, 1, 0.5, '台账不全')",
        """INSERT INTO "SheetAppeals" ("Id", "SheetId", "ItemKey", "Reason", "FiledBy", "FiledAt", "Status", "ScoreBefore") """
            + "VALUES (5, 1, '1.1.2', '已开会3次', 'yuzhou', '2018-12-02 00:00:00+00:00', 'Pending', 0)",
        """INSERT INTO "SheetAudit" ("Id", "SheetId", "Kind", "ItemKey", "After", "By", "At") """
            + "VALUES (9, 1, 'Findings', '1.1.2', '得分0', 'assessor1', '2018-12-01 00:00:00+00:00')",
    ];
}
