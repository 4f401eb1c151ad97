using System.Text.RegularExpressions;

namespace Kaoping.Web.Tests;

/// <summary>A server-rendered form posted as a browser does: the page fetched first for its antiforgery token and cookie.</summary>
public static partial class PageForms
{
    public static async Task<HttpResponseMessage> PostAsync(HttpClient client, string path, string handler, Dictionary<string, string> fields)
    {
        var page = await client.GetStringAsync(path, TestContext.Current.CancellationToken);
        fields["_handler"] = handler;
        fields["__RequestVerificationToken"] = Token().Match(page).Groups[1].Value;
        return await client.PostAsync(path, new FormUrlEncodedContent(fields), TestContext.Current.CancellationToken);
    }

    [GeneratedRegex("name=\"__RequestVerificationToken\" value=\"([^\"]+)\"")]
    private static partial Regex Token();
}
