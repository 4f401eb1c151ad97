using System.Net;
using System.Net.Http.Json;
using Kaoping.Data;
using Kaoping.Web.Tests.Api;
using Microsoft.EntityFrameworkCore;

namespace Kaoping.Web.Tests.Results;

/// <summary>Two offices entering a target's first statistics at once: both answered, one row kept, every change audited.</summary>
public class AccidentFirstEntryTests
{
    private static CancellationToken Cancel => TestContext.Current.CancellationToken;

    [Theory]
    [MemberData(nameof(Databases.All), MemberType = typeof(Databases))]
    public async Task ConcurrentFirstEntries_AreAllSaved_AsOneRow(DatabaseProvider provider)
    {
        using var factory = new KaopingFactory(provider);
        var admin = await factory.ClientAsAsync("admin");
        var target = await factory.WithDbAsync(db => db.Targets.Where(t => t.Name == "东城区").Select(t => t.Id).SingleAsync(Cancel));
        await factory.WithDbAsync(db => db.AccidentStatistics.Where(a => a.CampaignId == 1 && a.TargetId == target).ExecuteDeleteAsync(Cancel));
        var auditBefore = await factory.WithDbAsync(db => db.CampaignAudit.CountAsync(a => a.CampaignId == 1, Cancel));

        var responses = await Task.WhenAll(Enumerable.Range(1, 6).Select(deaths =>
            admin.PutAsJsonAsync($"/api/campaigns/1/accidents/{target}", new { deaths, deathQuota = 1 }, Cancel)));

        Assert.All(responses, r => Assert.Equal(HttpStatusCode.OK, r.StatusCode));
        var rows = await factory.WithDbAsync(db => db.AccidentStatistics.Where(a => a.CampaignId == 1 && a.TargetId == target).ToListAsync(Cancel));
        var row = Assert.Single(rows);
        Assert.InRange(row.Deaths, 1, 6);
        // each entry changed the figures the one before it left (or created them): six entries
        var audit = await factory.WithDbAsync(db => db.CampaignAudit.CountAsync(a => a.CampaignId == 1, Cancel));
        Assert.Equal(6, audit - auditBefore);
    }
}
