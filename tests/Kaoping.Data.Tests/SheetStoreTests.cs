using Kaoping.Campaigns;
using Kaoping.Data.Entities;
using Kaoping.Data.Sheets;
using Kaoping.Rubrics;
using Kaoping.Scoring;
using Microsoft.EntityFrameworkCore;

namespace Kaoping.Data.Tests;

/// <summary>A sheet's persistence behind its store: the version rises with every change of its rows, by mechanism.</summary>
public class SheetStoreTests
{
    private static CancellationToken Cancel => TestContext.Current.CancellationToken;

    private static readonly ItemKey Item = new(1, 1, 2);
    private static readonly ItemKey Other = new(1, 1, 3);
    private static readonly DateTimeOffset Now = new(2018, 12, 1, 1, 0, 0, TimeSpan.Zero);

    /// <summary>Every kind of row a sheet has, changed the ordinary way: through the store's change of the sheet.</summary>
    public static TheoryData<DatabaseProvider, string> Changes()
    {
        var data = new TheoryData<DatabaseProvider, string>();
        foreach (var provider in Databases.Providers)
        {
            foreach (var change in s_changes.Keys)
                data.Add(provider, change);
        }
        return data;
    }

    private static readonly Dictionary<string, Action<Sheet>> s_changes = new()
    {
        ["finding added"] = s => s.ReplaceItem(FindingSide.Team, Other, [new ClauseFinding(Other, 1, 1)], null, "assessor1", Now),
        ["finding count"] = s => s.ReplaceItem(FindingSide.Team, Item, [new ClauseFinding(Item, 1, 3)], "常务会2次", "assessor1", Now),
        ["finding removed"] = s => s.ReplaceItem(FindingSide.Team, Item, [], "常务会2次", "assessor1", Now),
        ["remark changed"] = s => s.ReplaceItem(FindingSide.Team, Item, [new ClauseFinding(Item, 1, 2)], "常务会只开了2次", "assessor1", Now),
        ["remark removed"] = s => s.ReplaceItem(FindingSide.Team, Item, [new ClauseFinding(Item, 1, 2)], null, "assessor1", Now),
        ["self-assessment"] = s => s.ReplaceItem(FindingSide.Self, Item, [new ClauseFinding(Item, 1, 1)], null, "yuzhou", Now),
        ["evidence added"] = s => s.Evidence.Add(Evidence()),
        ["evidence removed"] = s => s.Evidence[0].RemovedAt = Now,
        ["appeal filed"] = s => s.Appeals.Add(Appeal()),
        ["appeal decided"] = s => s.Appeals[0].Status = AppealStatus.Upheld,
        ["transition"] = s => s.Move(SheetAction.SubmitAssessment, SheetState.Assessed, null, "assessor1", Now),
        ["audit entry"] = s => s.Record(AuditKind.Findings, Item, "a", "b", null, "assessor1", Now),
    };

    private static SheetEvidence Evidence() => new()
    {
        ItemKey = Item, Side = FindingSide.Team, FileName = "会议纪要.pdf", Kind = EvidenceKind.Pdf, Size = 10, Sha256 = new string('a', 64),
        UploadedBy = "assessor1", UploadedAt = Now,
    };

    private static SheetAppeal Appeal() => new()
    {
        ItemKey = Item, Reason = "已开会3次", FiledBy = "yuzhou", FiledAt = Now, Status = AppealStatus.Pending, ScoreBefore = 0.5m,
    };

    /// <summary>A sheet with a deduction and a remark on 1.1.2, evidence and an appeal: something of every kind to change.</summary>
    private static async Task<int> PreparedSheetAsync(TestDatabase database)
    {
        var id = database.SheetIds[0];
        var save = await database.Store.ChangeAsync<string>(id, s =>
        {
            s.ReplaceItem(FindingSide.Team, Item, [new ClauseFinding(Item, 1, 2)], "常务会2次", "assessor1", Now);
            s.Evidence.Add(Evidence());
            s.Appeals.Add(Appeal());
            return Task.FromResult<string?>(null);
        }, Cancel);
        Assert.Equal(SheetSaveOutcome.Saved, save.Outcome);
        return id;
    }

    [Theory]
    [MemberData(nameof(Changes))]
    public async Task ChangingAnyRow_RaisesTheVersionOnce_AndAReadShowsTheChange(DatabaseProvider provider, string change)
    {
        await using var database = await TestDatabase.WithSheetsAsync(provider);
        var id = await PreparedSheetAsync(database);
        var before = (await database.Store.ReadAsync(id, Cancel))!; // the rows are kept for this version now

        var save = await database.Store.ChangeAsync<string>(id, s =>
        {
            s_changes[change](s);
            return Task.FromResult<string?>(null);
        }, Cancel);

        Assert.Equal(SheetSaveOutcome.Saved, save.Outcome);
        Assert.Equal(before.Version + 1, save.Sheet!.Version);
        var read = (await database.Store.ReadAsync(id, Cancel))!;
        Assert.Equal(save.Sheet.Version, read.Version);
        Assert.Equal(Rows(await StoredAsync(database, id)), Rows(read));
    }

    [Theory]
    [MemberData(nameof(Databases.All), MemberType = typeof(Databases))]
    public async Task ARowSavedWithoutItsSheet_StillRaisesTheVersion_SoTheKeptRowsAreNotServed(DatabaseProvider provider)
    {
        await using var database = await TestDatabase.WithSheetsAsync(provider);
        var id = await PreparedSheetAsync(database);
        var before = (await database.Store.ReadAsync(id, Cancel))!;

        await using (var db = database.Context())
        {
            db.SheetFindings.Add(new SheetFinding { SheetId = id, Side = FindingSide.Team, ItemKey = Other, Clause = 1, Count = 1, Position = 9 });
            await db.SaveChangesAsync(Cancel);
        }

        var read = (await database.Store.ReadAsync(id, Cancel))!;
        Assert.Equal(before.Version + 1, read.Version);
        Assert.Contains(read.Findings, f => f.ItemKey == Other);
    }

    [Theory]
    [MemberData(nameof(Databases.All), MemberType = typeof(Databases))]
    public async Task ADeduction_KeepsItsId_AcrossEditsOfAnotherItem_ItsOwnRemark_AndItsCount(DatabaseProvider provider)
    {
        await using var database = await TestDatabase.WithSheetsAsync(provider);
        var id = await PreparedSheetAsync(database);
        var manual = new ManualDeduction(Item, 0.5m, "台账不全");
        await ChangeAsync(database, id, s => s.ReplaceItem(FindingSide.Team, Item, [new ClauseFinding(Item, 1, 2), manual], "常务会2次", "a", Now));
        var ids = (await database.Store.ReadAsync(id, Cancel))!.DeductionsOf(FindingSide.Team, Item).Select(f => f.Id).ToList();

        await ChangeAsync(database, id, s => s.ReplaceItem(FindingSide.Team, Other, [new ClauseFinding(Other, 1, 1)], null, "a", Now));
        await ChangeAsync(database, id, s => s.ReplaceItem(FindingSide.Team, Item, [new ClauseFinding(Item, 1, 2), manual], "会议纪要缺2次", "a", Now));
        await ChangeAsync(database, id, s => s.ReplaceItem(FindingSide.Team, Item, [new ClauseFinding(Item, 1, 3), manual], "会议纪要缺2次", "a", Now));

        var stored = await StoredAsync(database, id);
        Assert.Equal(ids, stored.DeductionsOf(FindingSide.Team, Item).Select(f => f.Id));
        Assert.Equal([3, 1], stored.DeductionsOf(FindingSide.Team, Item).Select(f => f.Count));
        Assert.Equal("会议纪要缺2次", stored.RemarkOf(FindingSide.Team, Item));

        // A deduction taken back is gone; one given anew is a new deduction.
        await ChangeAsync(database, id, s => s.ReplaceItem(FindingSide.Team, Item, [manual], null, "a", Now));
        await ChangeAsync(database, id, s => s.ReplaceItem(FindingSide.Team, Item, [manual, new ClauseFinding(Item, 1, 1)], null, "a", Now));
        var again = (await StoredAsync(database, id)).DeductionsOf(FindingSide.Team, Item).ToList();
        Assert.Equal(ids[1], again[0].Id);
        Assert.DoesNotContain(again[1].Id, ids);
        Assert.Equal([typeof(ManualDeduction), typeof(ClauseFinding)], again.Select(f => f.ToFinding().GetType()));
    }

    [Theory]
    [MemberData(nameof(Databases.All), MemberType = typeof(Databases))]
    public async Task ARangeFinding_IsStoredWithItsAmountAndReason_AndKeepsItsIdWhenTheyChange(DatabaseProvider provider)
    {
        await using var database = await TestDatabase.WithSheetsAsync(provider);
        var id = database.SheetIds[1];
        await ChangeAsync(database, id, s => s.ReplaceItem(FindingSide.Team, Other, [new RangeFinding(Other, 2, 1.5m, "台账不全")], null, "a", Now));
        var first = (await StoredAsync(database, id)).DeductionsOf(FindingSide.Team, Other).Single();

        await ChangeAsync(database, id, s => s.ReplaceItem(FindingSide.Team, Other, [new RangeFinding(Other, 2, 2.5m, "台账缺三个月")], null, "a", Now));

        var stored = (await StoredAsync(database, id)).DeductionsOf(FindingSide.Team, Other).Single();
        Assert.Equal(first.Id, stored.Id);
        Assert.Equal(new RangeFinding(Other, 2, 2.5m, "台账缺三个月"), stored.ToFinding());
        Assert.Equal(stored.ToFinding(), (await database.Store.ReadAsync(id, Cancel))!.DeductionsOf(FindingSide.Team, Other).Single().ToFinding());
    }

    [Theory]
    [MemberData(nameof(Databases.All), MemberType = typeof(Databases))]
    public async Task AChange_WhenSomeoneSavedInBetween_IsStale_AndWritesNothing(DatabaseProvider provider)
    {
        await using var database = await TestDatabase.WithSheetsAsync(provider);
        var id = await PreparedSheetAsync(database);

        var save = await database.Store.ChangeAsync<string>(id, async s =>
        {
            s.ReplaceItem(FindingSide.Team, Other, [new ClauseFinding(Other, 1, 1)], "late", "assessor1", Now);
            s.Record(AuditKind.Findings, Other, null, "late", null, "assessor1", Now);
            await ChangeAsync(database, id, other => other.ReplaceItem(FindingSide.Team, Item, [], null, "assessor3", Now));
            return null;
        }, Cancel);

        Assert.Equal(SheetSaveOutcome.Stale, save.Outcome);
        var stored = await StoredAsync(database, id);
        Assert.Empty(stored.DeductionsOf(FindingSide.Team, Other));
        Assert.Empty(stored.DeductionsOf(FindingSide.Team, Item));
        await using var db = database.Context();
        Assert.False(await db.SheetAudit.AnyAsync(e => e.After == "late", Cancel));
    }

    [Theory]
    [MemberData(nameof(Databases.All), MemberType = typeof(Databases))]
    public async Task ARefusedChange_WritesNothing(DatabaseProvider provider)
    {
        await using var database = await TestDatabase.WithSheetsAsync(provider);
        var id = await PreparedSheetAsync(database);
        var version = (await database.Store.ReadAsync(id, Cancel))!.Version;

        var save = await database.Store.ChangeAsync(id, s =>
        {
            s.ReplaceItem(FindingSide.Team, Item, [], null, "assessor1", Now);
            return Task.FromResult<string?>("not now");
        }, Cancel);

        Assert.Equal((SheetSaveOutcome.Refused, "not now"), (save.Outcome, save.Refusal));
        var stored = await StoredAsync(database, id);
        Assert.Equal(version, stored.Version);
        Assert.Single(stored.DeductionsOf(FindingSide.Team, Item));
        Assert.Equal(SheetSaveOutcome.NotFound, (await database.Store.ChangeAsync<string>(-1, _ => Task.FromResult<string?>(null), Cancel)).Outcome);
    }

    private static async Task ChangeAsync(TestDatabase database, int id, Action<Sheet> change)
    {
        var save = await database.Store.ChangeAsync<string>(id, s =>
        {
            change(s);
            return Task.FromResult<string?>(null);
        }, Cancel);
        Assert.Equal(SheetSaveOutcome.Saved, save.Outcome);
    }

    /// <summary>What the database holds, read past the store's kept rows.</summary>
    private static async Task<Sheet> StoredAsync(TestDatabase database, int id)
    {
        await using var db = database.Context();
        return await db.Sheets.AsNoTracking().AsSplitQuery().Include(s => s.Findings).Include(s => s.Remarks).Include(s => s.Evidence)
            .Include(s => s.Appeals).Include(s => s.Transitions).FirstAsync(s => s.Id == id, Cancel);
    }

    private static List<string> Rows(Sheet sheet) =>
    [
        $"version {sheet.Version} {sheet.State}",
        .. sheet.Findings.Select(f => $"finding {f.Id} {f.Side} {f.ItemKey} {f.Position} {f.Clause} {f.Count} {f.Deduction:0.##} {f.Reason}").Order(),
        .. sheet.Remarks.Select(r => $"remark {r.Id} {r.Side} {r.ItemKey} {r.Text}").Order(),
        .. sheet.Evidence.Select(e => $"evidence {e.Id} {e.ItemKey} {e.Sha256} {e.RemovedAt}").Order(),
        .. sheet.Appeals.Select(a => $"appeal {a.Id} {a.ItemKey} {a.Status}").Order(),
        .. sheet.Transitions.Select(t => $"transition {t.Id} {t.Action} {t.To}").Order(),
    ];
}
