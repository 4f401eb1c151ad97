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
                    [.. i.Clauses.Select(k => new ClauseDocument(k.Condition, k.Kind, k.Amount, k.Cap))],
                    [.. i.Warnings.Select(w => w.In(language))]))]))]))],
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
    IReadOnlyList<string> Warnings);

public sealed record ClauseDocument(string Condition, ClauseKind Kind, decimal Amount, decimal? Cap);
