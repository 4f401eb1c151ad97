using Kaoping.Data;
using Kaoping.Web.Services;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Kaoping.Web.Tests.Api;
using SQLitePCL;

namespace Kaoping.Web.Tests.Data;

/// <summary>A query tagged <see cref="PreparedQueries.Tag"/> runs on a statement its SQLite connection keeps prepared.</summary>
public class PreparedQueriesTests
{
    private static CancellationToken Cancel => TestContext.Current.CancellationToken;

    /// <summary>Memory SQLite holds for the connection's prepared statements (none once every statement is finalized).</summary>
    private static long StatementMemory(KaopingDbContext db)
    {
        var connection = (SqliteConnection)db.Database.GetDbConnection();
        Assert.Equal(raw.SQLITE_OK, raw.sqlite3_db_status(connection.Handle, raw.SQLITE_DBSTATUS_STMT_USED, out var used, out _, 0));
        return used;
    }

    [Fact]
    public async Task TheSheetHeader_IsReadOnAStatementKeptPrepared_AndReadAlikeEachTime()
    {
        using var factory = new KaopingFactory(DatabaseProvider.Sqlite);
        await factory.ReadyAsync();
        var yuzhou = await factory.SheetIdAsync("禹州市");
        await using var scope = factory.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<KaopingDbContext>();
        var queries = scope.ServiceProvider.GetRequiredService<SheetQueries>();
        await db.Database.OpenConnectionAsync(Cancel);
        var before = StatementMemory(db);

        var first = (await queries.LoadAsync(db, yuzhou, Cancel))!;
        var kept = StatementMemory(db);
        var second = (await queries.LoadAsync(db, yuzhou, Cancel))!;
        var inSnapshot = (await queries.LoadAsync(db, yuzhou, Cancel, fresh: true))!;

        Assert.True(kept > before, "the header's statement stays prepared after its query");
        Assert.Equal(kept, StatementMemory(db)); // the same statement again, not a second one
        foreach (var sheet in new[] { second, inSnapshot })
        {
            Assert.Equal((first.Id, first.Version, first.State, first.UpdatedBy), (sheet.Id, sheet.Version, sheet.State, sheet.UpdatedBy));
            Assert.Equal((first.Campaign!.Name, first.Target!.Name, first.Team!.Name), (sheet.Campaign!.Name, sheet.Target!.Name, sheet.Team!.Name));
        }
        Assert.Equal("禹州市", second.Target!.Name);
    }

    [Fact]
    public async Task AQueryNotTagged_LeavesNoStatementBehind()
    {
        using var factory = new KaopingFactory(DatabaseProvider.Sqlite);
        await factory.ReadyAsync();
        await using var scope = factory.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<KaopingDbContext>();
        await db.Database.OpenConnectionAsync(Cancel);
        var before = StatementMemory(db);

        Assert.Equal(9, await db.Targets.CountAsync(Cancel));

        Assert.Equal(before, StatementMemory(db));
    }

    [Fact]
    public async Task ATaggedQueryWithDifferentParameters_ReadsEachRowOnTheSameStatement()
    {
        using var factory = new KaopingFactory(DatabaseProvider.Sqlite);
        await factory.ReadyAsync();
        await using var scope = factory.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<KaopingDbContext>();
        var queries = scope.ServiceProvider.GetRequiredService<SheetQueries>();
        var ids = await db.Sheets.OrderBy(s => s.Id).Select(s => new { s.Id, Target = s.Target!.Name }).ToListAsync(Cancel);

        foreach (var sheet in ids)
            Assert.Equal(sheet.Target, (await queries.LoadAsync(db, sheet.Id, Cancel))!.Target!.Name);
        Assert.Null(await queries.LoadAsync(db, 99999, Cancel));
    }
}
