using System.Net.Http.Json;
using System.Text.Json;

namespace Kaoping.Web.Tests.Api;

internal static class ApiJson
{
    public static async Task<JsonElement> JsonAsync(this HttpResponseMessage response)
    {
        var text = await response.Content.ReadAsStringAsync();
        return JsonDocument.Parse(text).RootElement.Clone();
    }

    public static Task<HttpResponseMessage> PutFindingsAsync(this HttpClient client, int sheet, string item, string? etag, object body)
    {
        var request = new HttpRequestMessage(HttpMethod.Put, $"/api/sheets/{sheet}/items/{item}/findings") { Content = JsonContent.Create(body) };
        if (etag is not null)
            request.Headers.TryAddWithoutValidation("If-Match", etag);
        return client.SendAsync(request);
    }

    /// <summary>The demo sheet of a target, by name, as the office sees it.</summary>
    public static async Task<int> SheetIdAsync(this KaopingFactory factory, string target) =>
        await factory.WithDbAsync(db => Task.FromResult(db.Sheets.Where(s => s.Target!.Name == target && s.Campaign!.Name == Services.DemoData.CampaignName).Select(s => s.Id).Single()));
}
