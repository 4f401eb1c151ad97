using Kaoping.Schemes;
using static Kaoping.Core.Tests.Schemes.SchemeFixtures;

namespace Kaoping.Core.Tests.Schemes;

public class SchemeRankingTests
{
    private static Scheme Scheme(string grades = """{"name":"优秀","min":13,"quota":0.3},{"name":"良好","min":11},{"name":"合格","min":9},{"name":"不合格","min":0}""",
        string tieBreakers = "") => Read($$"""
        {"title":"t","parts":[{"key":"a","name":"甲","points":10,"rubric":"ten.txt"},{"key":"b","name":"乙","points":5,"rubric":"eight.txt"}],
         "grades":[{{grades}}],"tieBreakers":[{{tieBreakers}}]}
        """);

    private static TargetResult R(Scheme scheme, string target, decimal score, bool vetoed = false, decimal a = 0) => new(
        target, scheme.Points, score, [new PartResult("a", "甲", 10, a), new PartResult("b", "乙", 5, score - a)], 0,
        vetoed ? ["major"] : [], vetoed, vetoed ? scheme.VetoGrade : scheme.Band(score).Name);

    private static string Show(IReadOnlyList<RankedTarget> ranking) =>
        string.Join(" | ", ranking.Select(r => $"{r.Rank} {r.Result.Target} {r.Grade}"));

    [Fact]
    public void Rank_NotVetoedByTotal_ThenVetoedByTotal_EqualTotalsShareARank()
    {
        var s = Scheme(grades: """{"name":"优秀","min":13},{"name":"良好","min":11},{"name":"不合格","min":0}""");

        var ranking = SchemeRanking.Rank(s,
            [R(s, "甲", 12), R(s, "乙", 15, vetoed: true), R(s, "丙", 14), R(s, "丁", 12), R(s, "戊", 11), R(s, "己", 3, vetoed: true)]);

        Assert.Equal("1 丙 优秀 | 2 甲 良好 | 2 丁 良好 | 4 戊 良好 | 5 乙 不合格 | 6 己 不合格", Show(ranking));
    }

    [Fact]
    public void Rank_TieBreakers_PutTheHigherPartFirst()
    {
        var s = Scheme(grades: """{"name":"优秀","min":13},{"name":"不合格","min":0}""", tieBreakers: "\"a\"");

        var ranking = SchemeRanking.Rank(s, [R(s, "甲", 12, a: 8), R(s, "乙", 12, a: 9), R(s, "丙", 12, a: 8)]);

        Assert.Equal("1 乙 不合格 | 2 甲 不合格 | 2 丙 不合格", Show(ranking));
    }

    [Fact]
    public void Rank_AQuota_HoldsFloorOfItsShare_TheRestTakeTheNextGrade()
    {
        var s = Scheme(); // 优秀 for floor(0.3 × 7) = 2
        var ranking = SchemeRanking.Rank(s,
            [R(s, "甲", 15), R(s, "乙", 14.5m), R(s, "丙", 14), R(s, "丁", 13.5m), R(s, "戊", 12), R(s, "己", 10), R(s, "庚", 2)]);

        Assert.Equal("1 甲 优秀 | 2 乙 优秀 | 3 丙 良好 | 4 丁 良好 | 5 戊 良好 | 6 己 合格 | 7 庚 不合格", Show(ranking));
    }

    [Fact]
    public void Rank_ATieThatCannotStayWhole_MovesWhole_AndSoDoesEveryoneAfterIt()
    {
        var s = Scheme(); // 2 of 7
        var ranking = SchemeRanking.Rank(s,
            [R(s, "甲", 15), R(s, "乙", 14), R(s, "丙", 14), R(s, "丁", 13), R(s, "戊", 12), R(s, "己", 10), R(s, "庚", 2)]);

        Assert.Equal("1 甲 优秀 | 2 乙 良好 | 2 丙 良好 | 4 丁 良好 | 5 戊 良好 | 6 己 合格 | 7 庚 不合格", Show(ranking));
    }

    [Fact]
    public void Rank_ATieThatFitsWhole_Stays()
    {
        var s = Scheme(grades: """{"name":"优秀","min":13,"quota":3},{"name":"不合格","min":0}""");
        var ranking = SchemeRanking.Rank(s, [R(s, "甲", 15), R(s, "乙", 14), R(s, "丙", 14), R(s, "丁", 13.5m)]);

        Assert.Equal("1 甲 优秀 | 2 乙 优秀 | 2 丙 优秀 | 4 丁 不合格", Show(ranking));
    }

    [Fact]
    public void Rank_MovedTargets_MeetTheNextGradesQuotaInTurn()
    {
        var s = Scheme(grades: """{"name":"优秀","min":13,"quota":1},{"name":"良好","min":11,"quota":1},{"name":"合格","min":9},{"name":"不合格","min":0}""");
        var ranking = SchemeRanking.Rank(s, [R(s, "甲", 15), R(s, "乙", 14), R(s, "丙", 13), R(s, "丁", 12)]);

        Assert.Equal("1 甲 优秀 | 2 乙 良好 | 3 丙 合格 | 4 丁 合格", Show(ranking));
    }

    [Fact]
    public void Rank_VetoedTargets_NeverHoldAQuotaGrade_ButCountAmongTheRanked()
    {
        var s = Scheme(); // floor(0.3 × 4) = 1
        var ranking = SchemeRanking.Rank(s, [R(s, "甲", 15, vetoed: true), R(s, "乙", 14.5m, vetoed: true), R(s, "丙", 14), R(s, "丁", 13)]);

        Assert.Equal("1 丙 优秀 | 2 丁 良好 | 3 甲 不合格 | 4 乙 不合格", Show(ranking));
    }

    [Fact]
    public void Rank_AQuotaOfZeroTargets_SendsEveryoneToTheNextGrade()
    {
        var s = Scheme(); // floor(0.3 × 3) = 0
        var ranking = SchemeRanking.Rank(s, [R(s, "甲", 15), R(s, "乙", 14), R(s, "丙", 8)]);

        Assert.Equal("1 甲 良好 | 2 乙 良好 | 3 丙 不合格", Show(ranking));
    }

    [Fact]
    public void Rank_TheSampleTargets_FollowTheIssuesRules()
    {
        using var stream = File.OpenRead(Path.Combine(SampleFolder, "targets.json"));
        var inputs = TargetJson.ReadList(stream, "targets.json", Sample);

        var ranking = SchemeRanking.Rank(Sample, [.. inputs.Select(i => SchemeResult.Of(Sample, i))]);

        Assert.Equal("1 长葛市 优秀 | 2 鄢陵县 良好 | 2 襄城县 良好 | 4 禹州市 良好 | 5 示范区 良好 | 6 东城区 合格 | 7 魏都区 不合格 | 8 建安区 不合格",
            Show(ranking));
        Assert.Equal("优秀", ranking[1].Result.Grade); // its band; the quota moved it
        Assert.Equal(["low"], ranking[7].Result.Vetoes);
    }
}
