using System.Text.Json.Serialization;
using Kaoping.Rubrics;

namespace Kaoping.Scoring;

/// <summary>A target's scores at every level of the rubric.</summary>
public sealed record SheetScore(string Target, decimal Points, decimal Score, IReadOnlyList<CategoryScore> Categories);

public sealed record CategoryScore(string? Code, string Name, decimal Points, decimal Score, IReadOnlyList<SubcategoryScore> Subcategories);

public sealed record SubcategoryScore(string Name, decimal Points, decimal Score, IReadOnlyList<ItemScore> Items);

/// <summary>
/// An item's score and its 扣分及原因. <see cref="Deduction"/> is what was taken off (at most the item's points),
/// <see cref="Bonus"/> what a bonus clause added back or earned.
/// </summary>
public sealed record ItemScore(
    ItemKey Key,
    decimal Points,
    decimal Deduction,
    [property: JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingDefault)] decimal Bonus,
    decimal Score,
    string Reason);
