using Kaoping.Scoring;

namespace Kaoping.Core.Tests.Scoring;

public class RankingTests
{
    private static SheetScore Sheet(string target, decimal total, decimal first) =>
        new(target, 40, total, [new CategoryScore("一", "责任落实", 11, first, []), new CategoryScore("二", "依法治理", 29, total - first, [])]);

    [Fact]
    public void Rank_OrdersByTotalThenFirstCategoryThenName()
    {
        var ranked = Ranking.Rank([
            (Sheet("长葛市", 36, 10), 0),
            (Sheet("禹州市", 38, 10), 0),
            (Sheet("鄢陵县", 36, 11), 0),
            (Sheet("襄城县", 39.5m, 9), 1),
        ]);

        Assert.Equal(["禹州市", "鄢陵县", "长葛市", "襄城县"], ranked.Select(r => r.Score.Target));
        Assert.Equal([1, 2, 3, 4], ranked.Select(r => r.Rank));
    }

    [Fact]
    public void Rank_TargetsEqualOnEveryKey_ShareARank()
    {
        var ranked = Ranking.Rank([(Sheet("甲", 38, 10), 0), (Sheet("乙", 37, 10), 0), (Sheet("丙", 37, 10), 0), (Sheet("丁", 36, 10), 0)]);

        Assert.Equal([1, 2, 2, 4], ranked.Select(r => r.Rank));
    }
}
