using System.Net.Http.Json;
using System.Text.Json;
using Kaoping.Web.Tests.Api;

namespace Kaoping.Web.Tests.Office;

/// <summary>The calls the office's tests share: the board as a list or a page, a bulk action, notifications.</summary>
internal static class OfficeApi
{
    private static CancellationToken Cancel => TestContext.Current.CancellationToken;

    public static async Task<JsonElement> GetJsonAsync(this HttpClient client, string url) => await (await client.GetAsync(url, Cancel)).JsonAsync();

    public static Task<HttpResponseMessage> BulkAsync(this HttpClient client, string action, IEnumerable<int> sheetIds, string? comment = null,
        int campaign = 1) =>
        client.PostAsJsonAsync($"/api/campaigns/{campaign}/transitions", new { action, comment, sheetIds }, Cancel);

    /// <summary>The board's rows by target name: sheet id and state.</summary>
    public static async Task<Dictionary<string, (int Id, string State)>> BoardAsync(this HttpClient client, int campaign = 1) =>
        (await client.GetJsonAsync($"/api/campaigns/{campaign}/sheets")).EnumerateArray()
            .ToDictionary(r => r.GetProperty("target").GetString()!, r => (r.GetProperty("id").GetInt32(), r.GetProperty("state").GetString()!));

    public static async Task<List<JsonElement>> NotificationsAsync(this HttpClient client) =>
        [.. (await client.GetJsonAsync("/api/notifications")).GetProperty("items").EnumerateArray()];
}
