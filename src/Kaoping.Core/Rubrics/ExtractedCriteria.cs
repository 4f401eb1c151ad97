using Kaoping.Text;

namespace Kaoping.Rubrics;

/// <summary>
/// A criteria text read as the assessor's method (what to check), its clauses, a cap on the whole item, the effects it
/// has beyond the item, and the document-wide notes it states for the items after it.
/// </summary>
public sealed record ExtractedCriteria(string Method, IReadOnlyList<Clause> Clauses, IReadOnlyList<LocalizedText> Warnings, decimal? ItemCap = null)
{
    public IReadOnlyList<ItemEffect> Effects { get; init; } = [];

    /// <summary>Notes such as （以下各项扣完为止） or 不涉及的不扣分 that apply to every item after this one.</summary>
    public IReadOnlyList<string> NotesForFollowing { get; init; } = [];

    /// <summary>The bonus clauses are alternatives (同一事项按最高级别加分): only the highest that fired counts.</summary>
    public bool BonusAlternatives { get; init; }

    /// <summary>不涉及的不扣分 applies to the item: marked not applicable, it keeps its points.</summary>
    public bool NotApplicableFull { get; init; }
}
