using BenchmarkDotNet.Attributes;
using Kaoping.Rubrics;

namespace Kaoping.Benchmarks;

/// <summary>Reading the seed rubric and extracting its clauses (target: ≤ 2 ms).</summary>
[MemoryDiagnoser]
public class RubricBenchmarks
{
    private string _seed = "";

    [GlobalSetup]
    public void Setup()
    {
        BuiltInRubrics.TryOpen(BuiltInRubrics.County2018, out var stream);
        using var reader = new StreamReader(stream);
        _seed = reader.ReadToEnd();
    }

    [Benchmark]
    public Rubric ReadAndExtractSeed() => TextRubricReader.Read(_seed, "seed.txt");

    [Benchmark]
    public IReadOnlyList<RubricProblem> CheckSeed() => RubricCheck.Check(TextRubricReader.Read(_seed, "seed.txt"));
}
