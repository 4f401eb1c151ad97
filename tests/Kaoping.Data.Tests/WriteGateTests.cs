using Kaoping.Data.Entities;
using Microsoft.EntityFrameworkCore;

namespace Kaoping.Data.Tests;

/// <summary>SQLite's write gate is given back however a save ends: a concurrency conflict leaves no write waiting forever.</summary>
public class WriteGateTests
{
    private static CancellationToken Cancel => TestContext.Current.CancellationToken;

    [Fact]
    public async Task ASaveThatMeetsAConcurrencyConflict_GivesTheGateBack()
    {
        await using var database = await TestDatabase.WithSheetsAsync(DatabaseProvider.Sqlite);
        var id = database.SheetIds[0];
        await using (var stale = database.Context())
        {
            var sheet = await stale.Sheets.SingleAsync(s => s.Id == id, Cancel);
            await using (var other = database.Context())
                await other.Database.ExecuteSqlRawAsync("UPDATE Sheets SET Version = Version + 5 WHERE Id = {0}", [id], Cancel);
            sheet.State = Kaoping.Campaigns.SheetState.Assessed;
            await Assert.ThrowsAsync<DbUpdateConcurrencyException>(() => stale.SaveChangesAsync(Cancel));
        }

        await using var next = database.Context();
        var fresh = await next.Sheets.SingleAsync(s => s.Id == id, Cancel);
        fresh.State = Kaoping.Campaigns.SheetState.Reviewed;
        var save = next.SaveChangesAsync(Cancel);
        var finished = await Task.WhenAny(save, Task.Delay(TimeSpan.FromSeconds(20), Cancel));
        Assert.Same(save, finished);
        Assert.Equal(1, await save);
    }
}
