using Kaoping.Rubrics;
using Kaoping.Scoring;

namespace Kaoping.Schemes;

/// <summary>
/// What a scheme's result is computed from for one target: per part key its findings and the items marked not
/// applicable, the bonus findings, and the vetoes declared (by key). Anything missing is empty.
/// </summary>
public sealed record TargetInput(
    string Target,
    IReadOnlyDictionary<string, PartInput> Parts,
    IReadOnlyList<Finding> Bonus,
    IReadOnlyList<string> Vetoes)
{
    public TargetInput(string target) : this(target, new Dictionary<string, PartInput>(), [], []) { }
}

/// <summary>A part's findings, and the items 不涉及 for the target.</summary>
public sealed record PartInput(IReadOnlyList<Finding> Findings, IReadOnlyList<ItemKey> NotApplicable)
{
    public static PartInput Empty { get; } = new([], []);
}
