using Kaoping.Campaigns;
using Kaoping.Data.Entities;
using Kaoping.Web.Services.Schemes;

namespace Kaoping.Web.Services;

/// <summary>
/// The demo campaign's scheme: samples/scheme as shipped — a 60-point accident part (accidents.txt), the built-in 40-point
/// rubric, the bonus rubric (bonus.txt), vetoes and a 30% quota — stored through the scheme library as an import would,
/// and each demo target's accident statistics.
/// </summary>
public static class DemoScheme
{
    private const string Prefix = "Kaoping.Web.Demo.";

    public static async Task<int> EnsureAsync(RubricLibrary rubrics, SchemeLibrary schemes, Caller office, CancellationToken cancel)
    {
        foreach (var file in new[] { "accidents.txt", "bonus.txt" })
            await rubrics.StoreSourceAsync(file, await ReadAsync(file, cancel), "kaoping", cancel);
        using var json = new MemoryStream(System.Text.Encoding.UTF8.GetBytes(await ReadAsync("scheme.json", cancel)));
        var check = await schemes.CheckJsonAsync(json, "scheme.json", cancel);
        if (!check.CanSave)
            throw new InvalidOperationException("The demo scheme is refused: " + check.Error?.En);
        var stored = await schemes.SaveAsync(check, office, "kaoping", cancel) ?? throw new InvalidOperationException("The demo's office is no admin.");
        return stored.Id;
    }

    /// <summary>
    /// A year's figures: 禹州市 one death over its quota, 襄城县 a 较大 accident, 建安区 two accidents over its accident quota,
    /// 长葛市 a fatal accident in a non-coal mine; no 重大 accident, nothing concealed.
    /// </summary>
    public static IEnumerable<AccidentStatistics> Statistics(int campaignId, IReadOnlyDictionary<string, int> targets, DateTimeOffset now)
    {
        (string Target, int Deaths, int Injuries, int Serious, int Quota, int Accidents, int AccidentQuota, int Mine)[] figures =
        [
            ("禹州市", 5, 3, 0, 4, 6, 8, 0), ("长葛市", 2, 1, 0, 3, 4, 6, 1), ("鄢陵县", 2, 0, 0, 2, 3, 5, 0), ("襄城县", 4, 6, 1, 4, 5, 6, 0),
            ("魏都区", 1, 2, 0, 2, 2, 4, 0), ("建安区", 2, 0, 0, 3, 7, 5, 0), ("城乡一体化示范区", 0, 1, 0, 1, 1, 2, 0), ("东城区", 0, 0, 0, 1, 0, 2, 0),
            ("经济技术开发区", 1, 0, 0, 1, 1, 2, 0),
        ];
        return figures.Where(f => targets.ContainsKey(f.Target)).Select(f => new AccidentStatistics
        {
            CampaignId = campaignId, TargetId = targets[f.Target], Deaths = f.Deaths, Injuries = f.Injuries, Serious = f.Serious, DeathQuota = f.Quota,
            Accidents = f.Accidents, AccidentQuota = f.AccidentQuota, MineFatalAccidents = f.Mine, ChangedAt = now, ChangedBy = "admin",
        });
    }

    private static async Task<string> ReadAsync(string file, CancellationToken cancel)
    {
        await using var stream = typeof(DemoScheme).Assembly.GetManifestResourceStream(Prefix + file)
            ?? throw new InvalidOperationException("No demo resource " + file);
        using var reader = new StreamReader(stream, System.Text.Encoding.UTF8);
        return await reader.ReadToEndAsync(cancel);
    }
}
