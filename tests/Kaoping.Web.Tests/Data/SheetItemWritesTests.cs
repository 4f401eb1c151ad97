using Kaoping.Campaigns;
using Kaoping.Data;
using Kaoping.Data.Entities;
using Kaoping.Rubrics;
using Kaoping.Scoring;
using Kaoping.Web.Services;
using Kaoping.Web.Tests.Api;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace Kaoping.Web.Tests.Data;

/// <summary>The write of one item's change: conditional on the version it was loaded at, and touching only that item's rows of that side.</summary>
public class SheetItemWritesTests
{
    private static readonly ItemKey s_112 = new(1, 1, 2);
    private static readonly ItemKey s_113 = new(1, 1, 3);

    private static CancellationToken Cancel => TestContext.Current.CancellationToken;

    /// <summary>Loads the sheet in a scope of its own, changes one item of the team's side as a request would, and saves it.</summary>
    private static async Task<bool> ChangeAsync(KaopingFactory factory, int sheetId, ItemKey item, IReadOnlyList<Finding> findings, Func<Sheet, Task>? beforeSave = null)
    {
        await using var scope = factory.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<KaopingDbContext>();
        var sheet = (await scope.ServiceProvider.GetRequiredService<SheetQueries>().LoadAsync(db, sheetId, Cancel))!;
        var loaded = sheet.Version;
        sheet.ReplaceItem(FindingSide.Team, item, findings, "说明", "assessor1", DateTimeOffset.UtcNow);
        sheet.Record(AuditKind.Findings, item, "before", "after", null, "assessor1", DateTimeOffset.UtcNow);
        if (beforeSave is not null)
            await beforeSave(sheet);
        return await db.SaveItemAsync(sheet, loaded, FindingSide.Team, item.ToString(), Cancel);
    }

    private static Task<(int Version, List<(FindingSide Side, string Item, int Count)> Findings, List<(FindingSide Side, string Item, string Text)> Remarks, int Audit)> StoredAsync(KaopingFactory factory, int sheetId) =>
        factory.WithDbAsync(async db => (
            await db.Sheets.Where(s => s.Id == sheetId).Select(s => s.Version).SingleAsync(Cancel),
            (await db.SheetFindings.Where(f => f.SheetId == sheetId).ToListAsync(Cancel)).Select(f => (f.Side, f.ItemKey, f.Count)).Order().ToList(),
            (await db.SheetRemarks.Where(r => r.SheetId == sheetId).ToListAsync(Cancel)).Select(r => (r.Side, r.ItemKey, r.Text)).Order().ToList(),
            await db.SheetAudit.CountAsync(e => e.SheetId == sheetId, Cancel)));

    [Theory]
    [MemberData(nameof(Databases.All), MemberType = typeof(Databases))]
    public async Task AChange_ReplacesThatItemOfThatSide_AndNothingElse(DatabaseProvider provider)
    {
        using var factory = new KaopingFactory(provider);
        var changge = await factory.SheetIdAsync("长葛市"); // 1.1.2 found by both the target and the team
        var before = await StoredAsync(factory, changge);

        Assert.True(await ChangeAsync(factory, changge, s_112, [new ClauseFinding(s_112, 1, 2)]));

        var after = await StoredAsync(factory, changge);
        Assert.Equal(before.Version + 1, after.Version);
        Assert.Equal(before.Audit + 1, after.Audit);
        var expected = before.Findings.Where(f => !(f.Side == FindingSide.Team && f.Item == "1.1.2")).Append((FindingSide.Team, "1.1.2", 2)).Order();
        Assert.Equal(expected, after.Findings);
        Assert.Contains((FindingSide.Self, "1.1.2", 1), after.Findings);
        Assert.Contains((FindingSide.Team, "1.1.2", "说明"), after.Remarks);
        Assert.Contains(before.Remarks.Single(r => r.Side == FindingSide.Self && r.Item == "1.1.2"), after.Remarks);
        Assert.DoesNotContain(before.Remarks.Single(r => r.Side == FindingSide.Team && r.Item == "1.1.2"), after.Remarks);
    }

    [Theory]
    [MemberData(nameof(Databases.All), MemberType = typeof(Databases))]
    public async Task AChange_OnAVersionSavedMeanwhile_WritesNothing(DatabaseProvider provider)
    {
        using var factory = new KaopingFactory(provider);
        var yuzhou = await factory.SheetIdAsync("禹州市");
        var before = await StoredAsync(factory, yuzhou);
        var other = false;

        // Between loading and saving, someone else saves a change of another item.
        var saved = await ChangeAsync(factory, yuzhou, s_113, [new ClauseFinding(s_113, 1)],
            async _ => other = await ChangeAsync(factory, yuzhou, s_112, [new ClauseFinding(s_112, 1, 1)]));

        Assert.True(other);
        Assert.False(saved);
        var after = await StoredAsync(factory, yuzhou);
        Assert.Equal(before.Version + 1, after.Version);
        Assert.Equal(before.Audit + 1, after.Audit);
        Assert.DoesNotContain(after.Findings, f => f.Item == "1.1.3");
    }

    [Theory]
    [MemberData(nameof(Databases.All), MemberType = typeof(Databases))]
    public async Task ConcurrentChanges_FromOneVersion_ExactlyOneSaves(DatabaseProvider provider)
    {
        using var factory = new KaopingFactory(provider);
        var yuzhou = await factory.SheetIdAsync("禹州市");
        var before = await StoredAsync(factory, yuzhou);
        var loaded = new TaskCompletionSource();
        var waiting = 0;

        // Ten requests load the same version, then all save at once.
        var results = await Task.WhenAll(Enumerable.Range(1, 10).Select(n => Task.Run(() =>
            ChangeAsync(factory, yuzhou, s_112, [new ClauseFinding(s_112, 1, n)], async _ =>
            {
                if (Interlocked.Increment(ref waiting) == 10)
                    loaded.SetResult();
                await loaded.Task;
            }), Cancel)));

        Assert.Single(results, r => r);
        var after = await StoredAsync(factory, yuzhou);
        Assert.Equal(before.Version + 1, after.Version);
        Assert.Equal(before.Audit + 1, after.Audit);
        var winner = Array.IndexOf(results, true) + 1;
        Assert.Equal((FindingSide.Team, "1.1.2", winner), Assert.Single(after.Findings, f => f.Side == FindingSide.Team && f.Item == "1.1.2"));
    }

    [Theory]
    [MemberData(nameof(Databases.All), MemberType = typeof(Databases))]
    public async Task EveryColumnWritten_ReadsBackThroughEf_AsItWasInMemory(DatabaseProvider provider)
    {
        using var factory = new KaopingFactory(provider);
        var yuzhou = await factory.SheetIdAsync("禹州市");
        var at = new DateTimeOffset(2018, 12, 20, 9, 30, 15, 123, TimeSpan.Zero);
        Sheet? changed = null;
        await using (var scope = factory.Services.CreateAsyncScope())
        {
            var db = scope.ServiceProvider.GetRequiredService<KaopingDbContext>();
            changed = (await scope.ServiceProvider.GetRequiredService<SheetQueries>().LoadAsync(db, yuzhou, Cancel))!;
            var loaded = changed.Version;
            changed.ReplaceItem(FindingSide.Team, s_113, [new ClauseFinding(s_113, 1, 3), new ManualDeduction(s_113, 0.25m, "台账缺“隐患排查”记录")], "现场核查", "assessor1", at);
            changed.Record(AuditKind.Findings, s_113, "得分1", "得分0.25", "复核", "assessor1", at);
            Assert.True(await db.SaveItemAsync(changed, loaded, FindingSide.Team, s_113.ToString(), Cancel));
        }

        var (sheet, findings, remark, entry) = await factory.WithDbAsync(async db => (
            await db.Sheets.AsNoTracking().SingleAsync(s => s.Id == yuzhou, Cancel),
            await db.SheetFindings.AsNoTracking().Where(f => f.SheetId == yuzhou && f.ItemKey == "1.1.3").OrderBy(f => f.Position).ToListAsync(Cancel),
            await db.SheetRemarks.AsNoTracking().SingleAsync(r => r.SheetId == yuzhou && r.ItemKey == "1.1.3", Cancel),
            await db.SheetAudit.AsNoTracking().Where(e => e.SheetId == yuzhou).OrderBy(e => e.Id).LastAsync(Cancel)));

        Assert.Equal((changed.Version, at, "assessor1"), (sheet.Version, sheet.UpdatedAt, sheet.UpdatedBy));
        var expected = changed.Findings.Where(f => f.ItemKey == "1.1.3").OrderBy(f => f.Position)
            .Select(f => (f.Side, f.ItemKey, f.Position, f.Clause, f.Count, f.Deduction, f.Reason)).ToList();
        Assert.Equal(expected, findings.Select(f => (f.Side, f.ItemKey, f.Position, f.Clause, f.Count, f.Deduction, f.Reason)).ToList());
        Assert.Equal(0.25m, findings[1].Deduction);
        Assert.Equal((FindingSide.Team, "现场核查"), (remark.Side, remark.Text));
        Assert.Equal((AuditKind.Findings, "1.1.3", "得分1", "得分0.25", "复核", "assessor1", at), (entry.Kind, entry.ItemKey, entry.Before, entry.After, entry.Why, entry.By, entry.At));
    }

    [Theory]
    [MemberData(nameof(Databases.All), MemberType = typeof(Databases))]
    public async Task AWriteThatFails_LeavesNothingBehind_AndTheNextWriteSaves(DatabaseProvider provider)
    {
        using var factory = new KaopingFactory(provider);
        var yuzhou = await factory.SheetIdAsync("禹州市");
        var before = await StoredAsync(factory, yuzhou);

        // A second remark for the same item and side breaks a unique index after the version and the findings are written.
        await Assert.ThrowsAnyAsync<Exception>(() => ChangeAsync(factory, yuzhou, s_113, [new ClauseFinding(s_113, 1)],
            sheet =>
            {
                sheet.Remarks.Add(new SheetRemark { Side = FindingSide.Team, ItemKey = "1.1.3", Text = "重复" });
                return Task.CompletedTask;
            }));
        var unchanged = await StoredAsync(factory, yuzhou);
        Assert.Equal((before.Version, before.Audit), (unchanged.Version, unchanged.Audit));
        Assert.Equal(before.Findings, unchanged.Findings);
        Assert.Equal(before.Remarks, unchanged.Remarks);

        Assert.True(await ChangeAsync(factory, yuzhou, s_113, [new ClauseFinding(s_113, 1)]));
        var after = await StoredAsync(factory, yuzhou);
        Assert.Equal(before.Version + 1, after.Version);
        Assert.Contains((FindingSide.Team, "1.1.3", 1), after.Findings);
    }
}
