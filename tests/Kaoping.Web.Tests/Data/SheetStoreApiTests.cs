using System.Globalization;
using System.Net;
using Kaoping.Campaigns;
using Kaoping.Data;
using Kaoping.Data.Entities;
using Kaoping.Data.Sheets;
using Kaoping.Web.Tests.Api;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace Kaoping.Web.Tests.Data;

/// <summary>Through the API: what the sheet store keeps of a sheet is what the database holds.</summary>
public class SheetStoreApiTests
{
    private static CancellationToken Cancel => TestContext.Current.CancellationToken;

    private static async Task<Sheet> LoadAsync(KaopingFactory factory, int sheetId, bool fresh = false)
    {
        if (!fresh)
            return (await factory.Services.GetRequiredService<SheetStore>().ReadAsync(sheetId, Cancel))!;
        return await factory.WithDbAsync(db => db.Sheets.AsNoTracking().AsSplitQuery().Include(s => s.Findings).Include(s => s.Remarks)
            .Include(s => s.Evidence).Include(s => s.Appeals).Include(s => s.Transitions).FirstAsync(s => s.Id == sheetId, Cancel));
    }

    /// <summary>The sheet's rows as values, ids included: a deduction keeps its id.</summary>
    private static List<string> Rows(Sheet sheet) =>
    [
        .. sheet.Findings.Select(f => $"finding {f.Id} {f.Side} {f.ItemKey} {f.Position} {f.Clause} {f.Count} {f.Deduction?.ToString("0.####", CultureInfo.InvariantCulture)} {f.Reason}").Order(),
        .. sheet.Remarks.Select(r => $"remark {r.Id} {r.Side} {r.ItemKey} {r.Text}").Order(),
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
        Assert.Contains(kept.Findings, f => f is { Side: FindingSide.Team, ItemKey: { Category: 1, Subcategory: 1, Item: 3 }, Deduction: 0.5m,
            Reason: "台账不全" });
        Assert.Contains(kept.Findings, f => f is { Side: FindingSide.Team, ItemKey: { Category: 1, Subcategory: 1, Item: 3 }, Clause: 1 });
        Assert.DoesNotContain(kept.Findings, f => f is { Side: FindingSide.Team, ItemKey: { Category: 1, Subcategory: 1, Item: 2 } });
    }
}
