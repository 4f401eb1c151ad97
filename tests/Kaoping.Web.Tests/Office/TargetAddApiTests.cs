using System.Net;
using System.Net.Http.Json;
using Kaoping.Data;
using Kaoping.Data.Entities;
using Kaoping.Web.Tests.Api;
using Microsoft.EntityFrameworkCore;

namespace Kaoping.Web.Tests.Office;

/// <summary>A target added by hand: written to the security log; the same name sent by several administrators at once is added once.</summary>
public class TargetAddApiTests
{
    private static CancellationToken Cancel => TestContext.Current.CancellationToken;

    [Theory]
    [MemberData(nameof(Databases.All), MemberType = typeof(Databases))]
    public async Task OneName_SentTwentyTimesAtOnce_IsAddedOnce_AndTheOthersAreToldItIsTaken(DatabaseProvider provider)
    {
        using var factory = new KaopingFactory(provider);
        var admin = await factory.ClientAsAsync("admin");

        var answers = await Task.WhenAll(Enumerable.Range(0, 20).Select(_ =>
            admin.PostAsJsonAsync("/api/targets", new { name = "同时县", region = "河南省 › 许昌市" }, Cancel)));

        Assert.Single(answers, a => a.StatusCode == HttpStatusCode.Created);
        foreach (var refused in answers.Where(a => a.StatusCode != HttpStatusCode.Created))
        {
            Assert.Equal(HttpStatusCode.BadRequest, refused.StatusCode);
            Assert.Equal("已有名为“同时县”的被考评单位。", (await refused.JsonAsync()).GetProperty("errors").GetProperty("name")[0].GetString());
        }
        Assert.Equal(1, await factory.WithDbAsync(db => db.Targets.CountAsync(t => t.Name == "同时县", Cancel)));
        var logged = await factory.WithDbAsync(db => db.SecurityLog.AsNoTracking().Where(e => e.Kind == SecurityEventKind.TargetAdded).ToListAsync(Cancel));
        Assert.Equal(("admin", "同时县（河南省 › 许昌市）"), (Assert.Single(logged).By, logged[0].Detail));
    }
}
