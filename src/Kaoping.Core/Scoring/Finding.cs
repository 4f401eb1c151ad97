using Kaoping.Rubrics;

namespace Kaoping.Scoring;

/// <summary>What an assessor found on one item of a target's sheet.</summary>
public abstract record Finding(ItemKey Item);

/// <summary>A clause of the item fired: once, or <see cref="Count"/> times for a per-occurrence clause.
/// Clauses are numbered from 1 in document order.</summary>
public sealed record ClauseFinding(ItemKey Item, int Clause, int Count = 1) : Finding(Item);

/// <summary>A range clause (酌情扣1～3分) fired: the assessor's amount within its bounds, and why that amount.</summary>
public sealed record RangeFinding(ItemKey Item, int Clause, decimal Deduction, string Reason) : Finding(Item);

/// <summary>A deduction no clause names, with the assessor's written reason. It is capped like any other.</summary>
public sealed record ManualDeduction(ItemKey Item, decimal Deduction, string Reason) : Finding(Item);

/// <summary>One target's findings on a rubric.</summary>
public sealed record SheetFindings(string Target, IReadOnlyList<Finding> Findings);
