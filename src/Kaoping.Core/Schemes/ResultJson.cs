using System.Text.Json;
using Kaoping.Json;

namespace Kaoping.Schemes;

/// <summary>
/// The JSON of a result — <c>{"target","points","score","parts":[{"key","name","points","score"}],"bonus","vetoes","vetoed","grade"}</c> —
/// and of a ranking — <c>{"ranking":[{"rank","target","score","grade","vetoed"}]}</c>.
/// </summary>
public static class ResultJson
{
    public static string Write(TargetResult result) => JsonSerializer.Serialize(result, KaopingJson.Options);

    public static string Write(IReadOnlyList<RankedTarget> ranking) => JsonSerializer.Serialize(
        new RankingJson([.. ranking.Select(r => new RankJson(r.Rank, r.Result.Target, r.Result.Score, r.Grade, r.Result.Vetoed))]),
        KaopingJson.Options);

    private sealed record RankingJson(IReadOnlyList<RankJson> Ranking);

    private sealed record RankJson(int Rank, string Target, decimal Score, string Grade, bool Vetoed);
}
