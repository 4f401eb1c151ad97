using System.Text.Json;
using System.Text.Json.Serialization;
using Kaoping.Json;
using Kaoping.Text;

namespace Kaoping.Rubrics;

/// <summary>The rubric's JSON format: annex, title, points, categories › subcategories › items › clauses.</summary>
public static class RubricJson
{
    public static string Write(Rubric rubric, Language language) =>
        JsonSerializer.Serialize(ToDocument(rubric, language), KaopingJson.Options);

    public static RubricDocument ToDocument(Rubric rubric, Language language) => new(
        rubric.Annex,
        rubric.Title,
        rubric.Points,
        [.. rubric.Categories.Select(c => new CategoryDocument(c.Code, c.Name, c.Points,
            [.. c.Subcategories.Select(s => new SubcategoryDocument(s.Name, s.Points,
                [.. s.Items.Select(i => new ItemDocument(i.Key.ToString(), i.Number, i.Requirement, i.Criteria, i.Method, i.Points, i.Cap,
                    [.. i.Clauses.Select(ClauseDocument.Of)],
                    [.. i.Warnings.Select(w => w.In(language))]) {
                        Effects = i.Effects.Count == 0 ? null : i.Effects,
                        BonusAlternatives = i.BonusAlternatives,
                        NotApplicableFull = i.NotApplicableFull,
                    })]))]))],
        [.. rubric.Warnings.Select(w => w.In(language))]);
}

public sealed record RubricDocument(string? Annex, string Title, decimal Points, IReadOnlyList<CategoryDocument> Categories, IReadOnlyList<string> Warnings);

public sealed record CategoryDocument(string? Code, string Name, decimal Points, IReadOnlyList<SubcategoryDocument> Subcategories);

public sealed record SubcategoryDocument(string Name, decimal Points, IReadOnlyList<ItemDocument> Items);

public sealed record ItemDocument(
    string Key,
    string? Number,
    string Requirement,
    string Criteria,
    string Method,
    decimal Points,
    [property: JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)] decimal? Cap,
    IReadOnlyList<ClauseDocument> Clauses,
    IReadOnlyList<string> Warnings)
{
    /// <summary>Effects beyond the item (veto, zeroesParent, deductsFromParent); absent when there are none.</summary>
    [JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)]
    public IReadOnlyList<ItemEffect>? Effects { get; init; }

    /// <summary>同一事项按最高级别加分: the bonus clauses are alternatives; absent when false.</summary>
    [JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingDefault)]
    public bool BonusAlternatives { get; init; }

    /// <summary>不涉及的不扣分 applies: a not-applicable item keeps its points; absent when false.</summary>
    [JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingDefault)]
    public bool NotApplicableFull { get; init; }
}

/// <summary>A clause in JSON: a range clause has <c>min</c> and <c>max</c> instead of an <c>amount</c>.</summary>
public sealed record ClauseDocument(
    string Condition,
    ClauseKind Kind,
    [property: JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)] decimal? Amount,
    decimal? Cap)
{
    [JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)]
    public decimal? Min { get; init; }

    [JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)]
    public decimal? Max { get; init; }

    /// <summary>Read from positive scoring (完成的得1分): the amount goes when the condition is not met.</summary>
    [JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingDefault)]
    public bool WhenNotMet { get; init; }

    public static ClauseDocument Of(Clause clause) => clause.Kind == ClauseKind.Range
        ? new(clause.Condition, clause.Kind, null, clause.Cap) { Min = clause.Min, Max = clause.Max }
        : new(clause.Condition, clause.Kind, clause.Amount, clause.Cap) { WhenNotMet = clause.WhenNotMet };
}
