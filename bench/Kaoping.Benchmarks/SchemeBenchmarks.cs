using BenchmarkDotNet.Attributes;
using Kaoping.Rubrics;
using Kaoping.Schemes;
using Kaoping.Scoring;

namespace Kaoping.Benchmarks;

/// <summary>
/// The year's results of China's 2,851 county-level units under the sample scheme (60-point accident part, the 40-point
/// rubric rescaled, a capped bonus, vetoes, a 30% quota), and their ranking (target: ≤ 50 ms for both).
/// </summary>
[MemoryDiagnoser]
public class SchemeBenchmarks
{
    private Scheme _scheme = null!;
    private TargetInput[] _inputs = [];
    private TargetResult[] _results = [];

    [GlobalSetup]
    public void Setup()
    {
        var folder = Path.Combine(AppContext.BaseDirectory, "samples", "scheme");
        using (var stream = File.OpenRead(Path.Combine(folder, "scheme.json")))
        {
            _scheme = SchemeJson.Read(stream, "scheme.json", reference => reference.StartsWith(BuiltInRubrics.Prefix, StringComparison.Ordinal)
                ? BuiltInRubrics.Load(reference[BuiltInRubrics.Prefix.Length..])
                : TextRubricReader.Read(File.ReadAllText(Path.Combine(folder, reference)), reference));
        }
        var random = new Random(2018);
        _inputs = [.. Enumerable.Range(0, ScoringBenchmarks.CountyLevelUnits).Select(n => RandomTarget(random, "县" + n))];
        _results = [.. _inputs.Select(i => SchemeResult.Of(_scheme, i))];
    }

    private TargetInput RandomTarget(Random random, string target)
    {
        var parts = _scheme.Parts.ToDictionary(p => p.Key, p => new PartInput(
            RandomFindings(p.Rubric, random, p.NotApplicable == NotApplicableRule.Rescale ? 6 : 3),
            random.Next(4) == 0 ? [p.Rubric.Items.Last().Key] : []));
        // no finding on an item marked not applicable
        foreach (var (key, part) in parts)
            parts[key] = part with { Findings = [.. part.Findings.Where(f => !part.NotApplicable.Contains(f.Item))] };
        var vetoes = random.Next(50) == 0 ? new[] { "major" } : [];
        return new TargetInput(target, parts, RandomFindings(_scheme.Bonus!.Rubric, random, 3), vetoes);
    }

    private static List<Finding> RandomFindings(Rubric rubric, Random random, int oneIn)
    {
        var findings = new List<Finding>();
        foreach (var item in rubric.Items)
        {
            for (var c = 0; c < item.Clauses.Count; c++)
            {
                if (random.Next(oneIn) == 0)
                    findings.Add(new ClauseFinding(item.Key, c + 1, item.Clauses[c].TakesCount ? random.Next(1, 4) : 1));
            }
        }
        return findings;
    }

    [Benchmark]
    public decimal ResultsOfAllCountyLevelUnits()
    {
        var total = 0m;
        foreach (var input in _inputs)
            total += SchemeResult.Of(_scheme, input).Score;
        return total;
    }

    [Benchmark]
    public IReadOnlyList<RankedTarget> RankAllCountyLevelUnits() => SchemeRanking.Rank(_scheme, _results);

    [Benchmark]
    public IReadOnlyList<RankedTarget> ResultsAndRankingOfAllCountyLevelUnits() =>
        SchemeRanking.Rank(_scheme, [.. _inputs.Select(i => SchemeResult.Of(_scheme, i))]);
}
