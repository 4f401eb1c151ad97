using System.Data;
using Kaoping.Data;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace Kaoping.Web.Tests.Data;

/// <summary>A pooled context keeps its SQLite connection open between requests, and hands nothing else on.</summary>
public class KeptOpenSqliteConnectionTests
{
    private static CancellationToken Cancel => TestContext.Current.CancellationToken;

    [Fact]
    public async Task APooledContext_HandedBack_KeepsItsConnectionOpen()
    {
        using var factory = new KaopingFactory(DatabaseProvider.Sqlite);
        await factory.ReadyAsync();
        System.Data.Common.DbConnection connection;
        await using (var scope = factory.Services.CreateAsyncScope())
        {
            var db = scope.ServiceProvider.GetRequiredService<KaopingDbContext>();
            Assert.True(await db.Targets.AnyAsync(Cancel));
            connection = db.Database.GetDbConnection();
        }

        Assert.Equal(ConnectionState.Open, connection.State);
    }

    [Fact]
    public async Task ATransactionLeftOpen_WhenTheContextIsHandedBack_IsRolledBackAndHoldsNoLock()
    {
        using var factory = new KaopingFactory(DatabaseProvider.Sqlite);
        await factory.ReadyAsync();
        string connectionString;
        await using (var scope = factory.Services.CreateAsyncScope())
        {
            var db = scope.ServiceProvider.GetRequiredService<KaopingDbContext>();
            connectionString = db.Database.GetConnectionString()!;
            await db.Database.BeginTransactionAsync(Cancel);
            await db.Targets.Where(t => t.Name == "禹州市").ExecuteUpdateAsync(s => s.SetProperty(t => t.Name, "未提交"), Cancel);
            // a request that ends here, neither committing nor rolling back
        }

        // Another connection can write at once: the handed-back one holds no write lock.
        await using var other = new SqliteConnection(new SqliteConnectionStringBuilder(connectionString) { Pooling = false, DefaultTimeout = 1 }.ToString());
        await other.OpenAsync(Cancel);
        await using (var busy = other.CreateCommand())
        {
            busy.CommandText = "PRAGMA busy_timeout = 1000; BEGIN IMMEDIATE; UPDATE Targets SET Kind = Kind; COMMIT;";
            await busy.ExecuteNonQueryAsync(Cancel);
        }
        await using var count = other.CreateCommand();
        count.CommandText = "SELECT count(*) FROM Targets WHERE Name = '未提交'";
        Assert.Equal(0L, await count.ExecuteScalarAsync(Cancel));
        await using (var scope = factory.Services.CreateAsyncScope())
            Assert.True(await scope.ServiceProvider.GetRequiredService<KaopingDbContext>().Targets.AnyAsync(t => t.Name == "禹州市", Cancel));
    }
}
