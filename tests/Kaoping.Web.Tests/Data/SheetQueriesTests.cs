using System.Globalization;
using System.Net;
using Kaoping.Campaigns;
using Kaoping.Data;
using Kaoping.Data.Entities;
using Kaoping.Web.Services;
using Kaoping.Web.Tests.Api;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace Kaoping.Web.Tests.Data;

/// <summary>Loading a sheet: its collections are kept with its version and taken from there only while the sheet is at that version.</summary>
public class SheetQueriesTests
{
    private static CancellationToken Cancel => TestContext.Current.CancellationToken;

    private static async Task<Sheet> LoadAsync(KaopingFactory factory, int sheetId, bool fresh = false)
    {
        await using var scope = factory.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<KaopingDbContext>();
        return (await scope.ServiceProvider.GetRequiredService<SheetQueries>().LoadAsync(db, sheetId, Cancel, fresh))!;
    }

    /// <summary>The sheet's collections as values, ids aside: the rows kept after an item's write have none.</summary>
    private static List<string> Rows(Sheet sheet) =>
    [
        .. sheet.Findings.Select(f => $"finding {f.Side} {f.ItemKey} {f.Position} {f.Clause} {f.Count} {f.Deduction?.ToString("0.####", CultureInfo.InvariantCulture)} {f.Reason}").Order(),
        .. sheet.Remarks.Select(r => $"remark {r.Side} {r.ItemKey} {r.Text}").Order(),
        .. sheet.Evidence.Select(e => $"evidence {e.Id} {e.ItemKey} {e.Sha256} {e.RemovedAt}").Order(),
        .. sheet.Appeals.Select(a => $"appeal {a.Id} {a.ItemKey} {a.Status}").Order(),
        .. sheet.Transitions.Select(t => $"transition {t.Id} {t.Action} {t.To}").Order(),
    ];

    [Theory]
    [MemberData(nameof(Databases.All), MemberType = typeof(Databases))]
    public async Task AfterFindingsPuts_TheKeptCollections_AreWhatTheDatabaseHolds(DatabaseProvider provider)
    {
        using var factory = new KaopingFactory(provider);
        var client = await factory.ClientAsAsync("assessor1");
        var yuzhou = await factory.SheetIdAsync("禹州市");
        var etag = (await client.GetAsync($"/api/sheets/{yuzhou}", Cancel)).Headers.ETag!.ToString();
        object[] changes =
        [
            new { findings = new object[] { new { clause = 1, count = 2 } }, remark = "常务会2次" },
            new { findings = new object[] { new { deduction = 0.5m, reason = "台账不全" }, new { clause = 1 } } },
            new { findings = Array.Empty<object>() },
        ];
        foreach (var (item, change) in new[] { "1.1.2", "1.1.3", "1.1.2" }.Zip(changes))
        {
            var response = await client.PutFindingsAsync(yuzhou, item, etag, change);
            Assert.Equal(HttpStatusCode.OK, response.StatusCode);
            etag = response.Headers.ETag!.ToString();
        }

        var kept = await LoadAsync(factory, yuzhou);
        var stored = await LoadAsync(factory, yuzhou, fresh: true);

        Assert.Equal(stored.Version, kept.Version);
        Assert.Equal(Rows(stored), Rows(kept));
        Assert.Contains(kept.Findings, f => f is { Side: FindingSide.Team, ItemKey: "1.1.3", Deduction: 0.5m, Reason: "台账不全" });
        Assert.Contains(kept.Findings, f => f is { Side: FindingSide.Team, ItemKey: "1.1.3", Clause: 1 });
        Assert.DoesNotContain(kept.Findings, f => f is { Side: FindingSide.Team, ItemKey: "1.1.2" });
    }

    [Theory]
    [MemberData(nameof(Databases.All), MemberType = typeof(Databases))]
    public async Task ALoad_TakesTheKeptCollections_OnlyWhileTheSheetIsAtTheirVersion(DatabaseProvider provider)
    {
        using var factory = new KaopingFactory(provider);
        var yuzhou = await factory.SheetIdAsync("禹州市");
        var first = await LoadAsync(factory, yuzhou);
        first.Findings.Clear(); // a copy: changing it changes nothing kept

        // A row written behind the sheet's back, its version left as it was: not what any change of Kaoping does.
        await factory.WithDbAsync(async db =>
        {
            db.SheetFindings.Add(new SheetFinding { SheetId = yuzhou, Side = FindingSide.Team, ItemKey = "1.1.4", Position = 99, Clause = 1, Count = 1 });
            return await db.SaveChangesAsync(Cancel);
        });
        var kept = await LoadAsync(factory, yuzhou);
        Assert.Equal(Rows(await LoadAsync(factory, yuzhou, fresh: true)).Count - 1, Rows(kept).Count);
        Assert.DoesNotContain(kept.Findings, f => f.ItemKey == "1.1.4");

        // With the version raised, as every change does in the same transaction (in this process or another), it is read.
        await factory.WithDbAsync(db => db.Sheets.Where(s => s.Id == yuzhou).ExecuteUpdateAsync(u => u.SetProperty(s => s.Version, s => s.Version + 1), Cancel));
        var changed = await LoadAsync(factory, yuzhou);
        Assert.Equal(kept.Version + 1, changed.Version);
        Assert.Contains(changed.Findings, f => f.ItemKey == "1.1.4");
        Assert.Equal(Rows(await LoadAsync(factory, yuzhou, fresh: true)), Rows(changed));
    }
}
