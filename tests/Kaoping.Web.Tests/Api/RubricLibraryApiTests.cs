using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using Kaoping.Data;
using Kaoping.Data.Entities;
using Microsoft.EntityFrameworkCore;

namespace Kaoping.Web.Tests.Api;

/// <summary>The rubric library's hygiene: no duplicates, archive and restore, delete only what no campaign uses.</summary>
public class RubricLibraryApiTests
{
    private static CancellationToken Cancel => TestContext.Current.CancellationToken;

    private static MultipartFormDataContent Upload(byte[] content, string fileName)
    {
        var file = new ByteArrayContent(content);
        file.Headers.ContentType = new MediaTypeHeaderValue("text/plain");
        return new MultipartFormDataContent { { file, "file", fileName } };
    }

    private static byte[] Township => File.ReadAllBytes(Path.Combine(AppContext.BaseDirectory, "unseen", "township-2019.txt"));

    private static async Task<int> ImportAsync(HttpClient client, byte[] content, string name = "township-2019.txt")
    {
        var response = await client.PostAsync("/api/rubrics", Upload(content, name), Cancel);
        Assert.True(response.IsSuccessStatusCode, await response.Content.ReadAsStringAsync(Cancel));
        return (await response.JsonAsync()).GetProperty("id").GetInt32();
    }

    [Theory]
    [MemberData(nameof(Databases.All), MemberType = typeof(Databases))]
    public async Task ImportingTheSameRubricAgain_OffersTheStoredOneAndSavesNothing(DatabaseProvider provider)
    {
        using var factory = new KaopingFactory(provider);
        var client = await factory.ClientAsAsync("admin");
        var before = await factory.WithDbAsync(db => db.Rubrics.CountAsync(Cancel));
        var first = await ImportAsync(client, Township);
        // The same content, written differently: Windows line ends and trailing blanks do not make another rubric.
        var text = System.Text.Encoding.UTF8.GetString(Township).Replace("\n", " \r\n", StringComparison.Ordinal);

        var again = await client.PostAsync("/api/rubrics", Upload(System.Text.Encoding.UTF8.GetBytes(text), "copy.txt"), Cancel);

        Assert.Equal(HttpStatusCode.OK, again.StatusCode);
        Assert.Equal(first, (await again.JsonAsync()).GetProperty("id").GetInt32());
        Assert.Equal($"/api/rubrics/{first}", again.Headers.Location?.ToString());
        Assert.Equal(before + 1, await factory.WithDbAsync(db => db.Rubrics.CountAsync(Cancel)));
    }

    [Theory]
    [MemberData(nameof(Databases.All), MemberType = typeof(Databases))]
    public async Task AnArchivedRubric_IsOfferedForNoNewCampaign_UntilRestored(DatabaseProvider provider)
    {
        using var factory = new KaopingFactory(provider);
        var client = await factory.ClientAsAsync("admin");
        var id = await ImportAsync(client, Township);
        var campaign = new { name = "2019年度乡镇考评", year = 2019, rubricId = id, targetIds = new[] { 1 }, teams = Array.Empty<object>() };

        Assert.Equal(HttpStatusCode.NoContent, (await client.PostAsync($"/api/rubrics/{id}/archive", null, Cancel)).StatusCode);
        var list = await (await client.GetAsync("/api/rubrics", Cancel)).JsonAsync();
        var refused = await client.PostAsJsonAsync("/api/campaigns", campaign, Cancel);
        Assert.Equal(HttpStatusCode.NoContent, (await client.PostAsync($"/api/rubrics/{id}/restore", null, Cancel)).StatusCode);
        var created = await client.PostAsJsonAsync("/api/campaigns", campaign, Cancel);

        Assert.True(list.EnumerateArray().Single(r => r.GetProperty("id").GetInt32() == id).GetProperty("archived").GetBoolean());
        Assert.Equal(HttpStatusCode.BadRequest, refused.StatusCode);
        Assert.Contains($"考评细则{id}已归档", await refused.Content.ReadAsStringAsync(Cancel));
        Assert.Equal(HttpStatusCode.Created, created.StatusCode);
        SecurityEventKind[] library = [SecurityEventKind.RubricImported, SecurityEventKind.RubricArchived, SecurityEventKind.RubricRestored,
            SecurityEventKind.RubricDeleted];
        var kinds = await factory.WithDbAsync(db => db.SecurityLog.Where(e => library.Contains(e.Kind)).OrderBy(e => e.Id).Select(e => e.Kind)
            .ToListAsync(Cancel));
        Assert.Equal([SecurityEventKind.RubricImported, SecurityEventKind.RubricArchived, SecurityEventKind.RubricRestored], kinds);
    }

    [Theory]
    [MemberData(nameof(Databases.All), MemberType = typeof(Databases))]
    public async Task Delete_RemovesAnUnusedRubric_AndRefusesOneACampaignUses(DatabaseProvider provider)
    {
        using var factory = new KaopingFactory(provider);
        var client = await factory.ClientAsAsync("admin");
        var demo = await factory.WithDbAsync(db => db.Rubrics.OrderBy(r => r.Id).Select(r => r.Id).ToListAsync(Cancel));
        var first = await ImportAsync(client, Township);
        var revision = Upload(System.Text.Encoding.UTF8.GetBytes(System.Text.Encoding.UTF8.GetString(Township).Replace("乡镇", "街道",
            StringComparison.Ordinal)), "street.txt");
        revision.Add(new StringContent(first.ToString(System.Globalization.CultureInfo.InvariantCulture)), "previousVersionId");
        var second = (await (await client.PostAsync("/api/rubrics", revision, Cancel)).JsonAsync()).GetProperty("id").GetInt32();

        var used = await client.DeleteAsync("/api/rubrics/1", Cancel); // the demo campaign's
        var deleted = await client.DeleteAsync($"/api/rubrics/{first}", Cancel);
        var gone = await client.DeleteAsync($"/api/rubrics/{first}", Cancel);

        Assert.Equal(HttpStatusCode.Conflict, used.StatusCode);
        Assert.Contains("已被考评使用，不能删除", await used.Content.ReadAsStringAsync(Cancel));
        Assert.Equal(HttpStatusCode.NoContent, deleted.StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, gone.StatusCode);
        var left = await factory.WithDbAsync(db => db.Rubrics.OrderBy(r => r.Id).Select(r => new { r.Id, r.PreviousVersionId }).ToListAsync(Cancel));
        Assert.Equal([.. demo, second], left.Select(r => r.Id));
        Assert.Null(left[^1].PreviousVersionId);
        Assert.Equal(1, await factory.WithDbAsync(db => db.SecurityLog.CountAsync(e => e.Kind == SecurityEventKind.RubricDeleted, Cancel)));
    }

    [Theory]
    [InlineData("assessor1")]
    [InlineData("leader")]
    [InlineData("sysadmin")]
    public async Task ArchiveAndDelete_ByAnyoneButTheOffice_AreRefusedAndChangeNothing(string user)
    {
        using var factory = new KaopingFactory(DatabaseProvider.Sqlite);
        var admin = await factory.ClientAsAsync("admin");
        var id = await ImportAsync(admin, Township);
        var client = await factory.ClientAsAsync(user);

        var archive = await client.PostAsync($"/api/rubrics/{id}/archive", null, Cancel);
        var delete = await client.DeleteAsync($"/api/rubrics/{id}", Cancel);

        Assert.Equal(HttpStatusCode.Forbidden, archive.StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, delete.StatusCode);
        var stored = await factory.WithDbAsync(db => db.Rubrics.SingleAsync(r => r.Id == id, Cancel));
        Assert.Null(stored.ArchivedAt);
    }
}
