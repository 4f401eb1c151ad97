using Kaoping.Campaigns;
using Kaoping.Data;
using Kaoping.Rubrics;
using Kaoping.Scoring;
using Kaoping.Web.Services;
using Kaoping.Web.Tests.Api;
using Microsoft.Extensions.DependencyInjection;

namespace Kaoping.Web.Tests.Workflow;

/// <summary>Pages of two assessors on one sheet: each change names the item as its page showed it.</summary>
public class CoEditingTests
{
    private static readonly ItemKey s_113 = new(1, 1, 3);
    private static readonly ItemKey s_114 = new(1, 1, 4);

    private static async Task<SheetUpdate> ChangeAsync(KaopingFactory factory, int sheet, string user, ItemKey item, Finding finding, Expectation shown)
    {
        await using var scope = factory.Services.CreateAsyncScope();
        var callers = scope.ServiceProvider.GetRequiredService<Callers>();
        var db = scope.ServiceProvider.GetRequiredService<KaopingDbContext>();
        var userId = db.Users.Single(u => u.UserName == user).Id;
        var principal = new System.Security.Claims.ClaimsPrincipal(new System.Security.Claims.ClaimsIdentity(
            [new System.Security.Claims.Claim(System.Security.Claims.ClaimTypes.NameIdentifier, userId)], "test"));
        var caller = (await callers.FromAsync(principal))!;
        return await scope.ServiceProvider.GetRequiredService<SheetService>()
            .UpdateItemAsync(sheet, item, [finding], null, shown, caller, user, TestContext.Current.CancellationToken);
    }

    [Theory]
    [MemberData(nameof(Databases.All), MemberType = typeof(Databases))]
    public async Task ChangesToDifferentItems_BothSave_AndAChangeToAnItemChangedMeanwhile_IsRefusedWithTheCurrentSheet(DatabaseProvider provider)
    {
        using var factory = new KaopingFactory(provider);
        var sheet = await factory.SheetIdAsync("禹州市");
        var nothingShown = new Expectation.Item([], null);

        // both pages showed 1.1.3 and 1.1.4 empty; A changes 1.1.3, then B, still on the old sheet, changes 1.1.4
        var a = await ChangeAsync(factory, sheet, "assessor1", s_113, new ClauseFinding(s_113, 1), nothingShown);
        var b = await ChangeAsync(factory, sheet, "assessor3", s_114, new ClauseFinding(s_114, 1), nothingShown);
        // B then changes 1.1.3 as its page still showed it: empty
        var c = await ChangeAsync(factory, sheet, "assessor3", s_113, new ClauseFinding(s_113, 1, 1), nothingShown);

        Assert.IsType<SheetUpdate.Saved>(a);
        var saved = Assert.IsType<SheetUpdate.Saved>(b);
        Assert.Equal(38.5m, saved.View.Score.Score);
        var stale = Assert.IsType<SheetUpdate.Stale>(c);
        Assert.Equal([new ClauseFinding(s_113, 1)], stale.Current.FindingsOf(s_113));
        Assert.Equal("assessor3", stale.Current.Sheet.UpdatedBy);
    }

    [Fact]
    public async Task EverySave_IsAnnounced_ToTheOpenPagesOfThatSheet()
    {
        using var factory = new KaopingFactory(DatabaseProvider.Sqlite);
        var sheet = await factory.SheetIdAsync("禹州市");
        var heard = new List<SheetChange>();
        factory.Services.GetRequiredService<SheetEvents>().Changed += heard.Add;

        var saved = Assert.IsType<SheetUpdate.Saved>(await ChangeAsync(factory, sheet, "assessor1", s_113, new ClauseFinding(s_113, 1),
            new Expectation.Item([], null)));
        await ChangeAsync(factory, sheet, "assessor1", s_114, new ClauseFinding(s_114, 1), new Expectation.Item([new ClauseFinding(s_114, 2)], null));

        var change = Assert.Single(heard);
        Assert.Equal((sheet, saved.View.Sheet.Version, "assessor1", "1.1.3"), (change.SheetId, change.Version, change.By, change.ItemKey));
    }
}
