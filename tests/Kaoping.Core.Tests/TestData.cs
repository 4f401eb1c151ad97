using Kaoping.Rubrics;

namespace Kaoping.Tests;

/// <summary>Test fixtures copied next to the test assembly.</summary>
internal static class TestData
{
    public static string SeedPath => Path.Combine(AppContext.BaseDirectory, "rubrics", "2018-county-safety-rubric.txt");

    public static string SeedText => File.ReadAllText(SeedPath);

    public static string Unseen(string name) => Path.Combine(AppContext.BaseDirectory, "Rubrics", "Data", "unseen", name);

    public static string DataFile(string name) => Path.Combine(AppContext.BaseDirectory, "Rubrics", "Data", name);

    private static readonly Lazy<Rubric> s_seed = new(() => TextRubricReader.Read(SeedText, "seed.txt"));

    public static Rubric Seed => s_seed.Value;

    /// <summary>A small rubric in the text layout: each cell after a tab, six cells a row.</summary>
    public static string Table(string title, params string[][] rows)
    {
        var lines = new List<string>(title.Split('\n'));
        foreach (var cell in new[] { "指标", "类别", "考评内容及要求", "考评标准", "分值", "扣分及原因" })
            lines.Add("\t" + cell);
        foreach (var row in rows)
            foreach (var cell in row)
                lines.Add("\t" + cell);
        return string.Join('\n', lines);
    }
}
