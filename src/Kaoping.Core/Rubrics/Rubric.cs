using Kaoping.Text;

namespace Kaoping.Rubrics;

/// <summary>A rubric (考评细则): categories of subcategories of items, each with its points.</summary>
public sealed record Rubric(
    string? Annex,
    string Title,
    decimal Points,
    IReadOnlyList<Category> Categories,
    IReadOnlyList<LocalizedText> Warnings)
{
    private RubricIndex? _index;

    public IEnumerable<Subcategory> Subcategories => Categories.SelectMany(c => c.Subcategories);

    public IEnumerable<RubricItem> Items => Subcategories.SelectMany(s => s.Items);

    public int ItemCount => Index.Items.Length;

    public RubricItem? Find(ItemKey key) => Index.Positions.TryGetValue(key, out var i) ? Index.Items[i] : null;

    /// <summary>The item's position in document order (0-based), or -1.</summary>
    public int PositionOf(ItemKey key) => Index.Positions.GetValueOrDefault(key, -1);

    private RubricIndex Index => _index ??= new RubricIndex([.. Items]);

    private sealed class RubricIndex(RubricItem[] items)
    {
        public RubricItem[] Items { get; } = items;

        public Dictionary<ItemKey, int> Positions { get; } = items.Select((item, i) => (item.Key, i)).ToDictionary();
    }
}

/// <summary>指标: a top-level category such as 一、责任落实（11分）.</summary>
public sealed record Category(
    int Number,
    string? Code,
    string Name,
    decimal Points,
    IReadOnlyList<Subcategory> Subcategories,
    SourcePlace Place);

/// <summary>类别: a subcategory such as 党委政府领导责任（5分）.</summary>
public sealed record Subcategory(
    string CategoryName,
    int Number,
    string Name,
    decimal Points,
    IReadOnlyList<RubricItem> Items,
    SourcePlace Place);

/// <summary>One row of the rubric: a requirement, its criteria and their clauses, and its points.</summary>
public sealed record RubricItem(
    ItemKey Key,
    string? Number,
    string Requirement,
    string Criteria,
    decimal Points,
    string Method,
    IReadOnlyList<Clause> Clauses,
    IReadOnlyList<LocalizedText> Warnings,
    SourcePlace Place,
    decimal? Cap = null)
{
    /// <summary>What the criteria do beyond the item (一票否决, 所在类别不得分, 追加扣除…), for the scheme to apply.</summary>
    public IReadOnlyList<ItemEffect> Effects { get; init; } = [];

    /// <summary>同一事项按最高级别加分: of the item's bonus clauses that fired, only the highest counts.</summary>
    public bool BonusAlternatives { get; init; }

    /// <summary>The criteria say 不涉及的不扣分: marked not applicable, the item keeps its points even in a rescaled part.</summary>
    public bool NotApplicableFull { get; init; }

    /// <summary>The most the item's deductions take off together: its points, or less when the criteria say so (本项最多扣1.5分).</summary>
    public decimal MaxDeduction => Cap is { } cap && cap < Points ? cap : Points;

    /// <summary>An item that only adds points (加分项) starts from zero; every other item starts from its points.</summary>
    public bool IsBonusItem => Clauses.Count > 0 && Clauses.All(c => c.Kind == ClauseKind.Bonus);
}

/// <summary>Where a part of a rubric came from: a line in a text file, or a row of a table in a document.</summary>
public sealed record SourcePlace(string Source, int Line, int? Table = null, int? Row = null)
{
    public LocalizedText Describe() => Table is { } table
        ? LocalizedText.Format("{0} 表{1} 第{2}行", "{0}, table {1}, row {2}", Source, table, Row)
        : LocalizedText.Format("{0} 第{1}行", "{0}, line {1}", Source, Line);
}
