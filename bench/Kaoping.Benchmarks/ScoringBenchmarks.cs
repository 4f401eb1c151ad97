using BenchmarkDotNet.Attributes;
using Kaoping.Rubrics;
using Kaoping.Scoring;

namespace Kaoping.Benchmarks;

/// <summary>Scoring one sheet (target: ≤ 10 µs) and the sheets of China's 2,851 county-level units (target: ≤ 30 ms).</summary>
[MemoryDiagnoser]
public class ScoringBenchmarks
{
    public const int CountyLevelUnits = 2851;

    private Rubric _rubric = null!;
    private SheetFindings _sheet = null!;
    private SheetFindings[] _sheets = [];

    [GlobalSetup]
    public void Setup()
    {
        _rubric = BuiltInRubrics.Load();
        var items = _rubric.Items.ToArray();
        var random = new Random(2018);
        _sheets = [.. Enumerable.Range(0, CountyLevelUnits).Select(n => RandomSheet(items, random, "县" + n))];
        // A realistic sheet: a dozen findings, per-occurrence counts, a manual deduction.
        _sheet = new SheetFindings("禹州市",
        [
            new ClauseFinding(new ItemKey(1, 1, 2), 1, 3),
            new ClauseFinding(new ItemKey(1, 2, 1), 1, 1),
            new ClauseFinding(new ItemKey(2, 1, 1), 3),
            new ClauseFinding(new ItemKey(3, 2, 2), 1),
            new ClauseFinding(new ItemKey(3, 2, 2), 2),
            new ClauseFinding(new ItemKey(3, 6, 1), 2, 2),
            new ClauseFinding(new ItemKey(4, 2, 1), 2, 1),
            new ClauseFinding(new ItemKey(4, 3, 3), 1),
            new ClauseFinding(new ItemKey(4, 5, 1), 1, 3),
            new ClauseFinding(new ItemKey(4, 5, 1), 2, 2),
            new ClauseFinding(new ItemKey(5, 1, 3), 2),
            new ManualDeduction(new ItemKey(4, 6, 1), 0.5m, "风险管控事项未全部录入省级平台"),
        ]);
    }

    private static SheetFindings RandomSheet(RubricItem[] items, Random random, string target)
    {
        var findings = new List<Finding>();
        foreach (var item in items)
        {
            for (var c = 0; c < item.Clauses.Count; c++)
            {
                if (random.Next(6) == 0)
                    findings.Add(new ClauseFinding(item.Key, c + 1, item.Clauses[c].TakesCount ? random.Next(1, 5) : 1));
            }
        }
        return new SheetFindings(target, findings);
    }

    [Benchmark]
    public SheetScore ScoreOneSheet() => Scorer.Score(_rubric, _sheet);

    [Benchmark]
    public decimal ScoreAllCountyLevelUnits()
    {
        var total = 0m;
        foreach (var sheet in _sheets)
            total += Scorer.Score(_rubric, sheet).Score;
        return total;
    }
}
