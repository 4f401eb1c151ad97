using System.Text.Json;
using Kaoping.Rubrics;

namespace Kaoping.Core.Tests.Rubrics;

/// <summary>
/// Criteria texts of published rubrics (corpus/criteria.jsonl), labelled by reading them as an assessor would.
/// The reader must read ≥ 95% of them exactly, and warn on every text that clauses cannot score.
/// </summary>
public class CorpusTests(ITestOutputHelper output)
{
    private static readonly string s_directory = Path.Combine(AppContext.BaseDirectory, "Rubrics", "corpus");

    [Fact]
    public void Corpus_IsReadExactly_AndEveryUnclassifiableTextWarned()
    {
        var entries = File.ReadLines(Path.Combine(s_directory, "criteria.jsonl")).Select(CorpusEntry.Parse).ToList();
        var results = entries.Select(e => (Entry: e, Mismatch: e.Mismatch(ClauseExtractor.Extract(e.Text, e.Points ?? 100)))).ToList();

        foreach (var family in results.GroupBy(r => r.Entry.Family).OrderBy(g => g.Key, StringComparer.Ordinal))
            output.WriteLine($"{family.Key}: {family.Count(r => r.Mismatch is null)}/{family.Count()}");
        foreach (var (entry, mismatch) in results.Where(r => r.Mismatch is not null))
            output.WriteLine($"{entry.Id}: {mismatch}");
        var exact = results.Count(r => r.Mismatch is null);
        output.WriteLine($"exact: {exact}/{results.Count}");

        Assert.True(exact * 100 >= results.Count * 95, $"{exact}/{results.Count} read exactly");
        var unwarned = results.Where(r => r.Entry.Warned && r.Mismatch is not null && r.Mismatch.Contains("no warning", StringComparison.Ordinal));
        Assert.Empty(unwarned.Select(r => r.Entry.Id));
    }

    [Fact]
    public void Corpus_HasTheBreadthTheIssueAsks()
    {
        var documents = JsonDocument.Parse(File.ReadAllText(Path.Combine(s_directory, "documents.json"))).RootElement.EnumerateArray().ToList();
        var entries = File.ReadLines(Path.Combine(s_directory, "criteria.jsonl")).Select(CorpusEntry.Parse).ToList();

        Assert.True(entries.Count >= 150, $"{entries.Count} texts");
        Assert.True(entries.Select(e => e.Document).Distinct().Count() >= 20);
        Assert.All(entries, e => Assert.Contains(documents, d => d.GetProperty("id").GetString() == e.Document));
        Assert.Equal(["county", "department", "enterprise", "township"],
            documents.Select(d => d.GetProperty("level").GetString()!).Distinct().Order(StringComparer.Ordinal));
    }
}

/// <summary>One labelled text of the corpus.</summary>
internal sealed record CorpusEntry(string Id, string Document, string Family, decimal? Points, string Text,
    IReadOnlyList<string>? Clauses, decimal? ItemCap, bool Warned, IReadOnlyList<string> Effects)
{
    public static CorpusEntry Parse(string line)
    {
        var e = JsonDocument.Parse(line).RootElement;
        var clauses = e.GetProperty("clauses").ValueKind == JsonValueKind.Null
            ? null
            : e.GetProperty("clauses").EnumerateArray().Select(c => string.Join(" ", c.EnumerateArray().Select(Value))).ToList();
        return new CorpusEntry(e.GetProperty("id").GetString()!, e.GetProperty("doc").GetString()!, e.GetProperty("family").GetString()!,
            Number(e.GetProperty("points")), e.GetProperty("text").GetString()!, clauses, Number(e.GetProperty("itemCap")),
            e.GetProperty("warned").GetBoolean(), [.. e.GetProperty("effects").EnumerateArray().Select(x => x.GetString()!)]);
    }

    /// <summary>What differs between the label and the reading, or null when the text was read exactly.</summary>
    public string? Mismatch(ExtractedCriteria read)
    {
        var effects = read.Effects.Select(x => JsonNamingPolicy.CamelCase.ConvertName(x.ToString())).ToList();
        if (Warned && read.Warnings.Count == 0)
            return "no warning";
        if (!Effects.SequenceEqual(effects))
            return $"effects [{string.Join(", ", Effects)}], read [{string.Join(", ", effects)}]";
        if (!Warned && read.Warnings.Count > 0)
            return "unexpected warnings: " + string.Join(" / ", read.Warnings.Select(w => w.Zh));
        if (Clauses is null)
            return null;
        var got = read.Clauses.Select(Describe).ToList();
        if (!Clauses.SequenceEqual(got))
            return $"expected [{string.Join(" | ", Clauses)}], read [{string.Join(" | ", got)}]";
        return ItemCap == read.ItemCap ? null : $"item cap {ItemCap}, read {read.ItemCap}";
    }

    private static string Describe(Clause c)
    {
        var kind = JsonNamingPolicy.CamelCase.ConvertName(c.Kind.ToString());
        return c.Kind switch
        {
            ClauseKind.ZeroOut => $"{kind} - {Format(c.Cap)}",
            ClauseKind.Range => $"{kind} {Format(c.Min)} {Format(c.Max)} {Format(c.Cap)}",
            _ => $"{kind} {Format(c.Amount)} {Format(c.Cap)}",
        };
    }

    private static string Value(JsonElement v) => v.ValueKind switch
    {
        JsonValueKind.Null => "-",
        JsonValueKind.Number => Format(v.GetDecimal()),
        _ => v.GetString()!,
    };

    private static string Format(decimal? d) => d is { } x ? Kaoping.Text.Points.Format(x) : "-";

    private static decimal? Number(JsonElement v) => v.ValueKind == JsonValueKind.Null ? null : v.GetDecimal();
}
