using System.Diagnostics;
using Kaoping.Documents.Reports;
using Kaoping.Documents.Sheets;
using Kaoping.Rubrics;
using Kaoping.Scoring;

namespace Kaoping.Benchmarks;

/// <summary>All county-level units' sheets into one archive, written to a file as a user would download it.</summary>
public static class ZipRun
{
    public static (TimeSpan Elapsed, long Bytes) Run(string path)
    {
        var rubric = BuiltInRubrics.Load();
        var items = rubric.Items.ToArray();
        var random = new Random(2851);
        var sheets = Enumerable.Range(1, ScoringBenchmarks.CountyLevelUnits).Select(n => Scorer.Score(rubric, $"县级单位{n:0000}",
            [.. items.SelectMany(i => i.Clauses.Select((c, k) => (i, c, k))).Where(_ => random.Next(6) == 0)
                .Select(x => (Finding)new ClauseFinding(x.i.Key, x.k + 1, x.c.TakesCount ? random.Next(1, 4) : 1))])).ToList();
        var results = new CampaignResults(rubric, sheets, new SheetHeading("全国县级单位安全生产工作责任目标考评（压力测试）", 2018));
        var watch = Stopwatch.StartNew();
        using (var file = File.Create(path))
            CampaignReports.WriteAllSheets(file, results);
        return (watch.Elapsed, new FileInfo(path).Length);
    }
}
