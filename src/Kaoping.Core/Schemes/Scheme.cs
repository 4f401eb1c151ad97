using Kaoping.Rubrics;

namespace Kaoping.Schemes;

/// <summary>
/// A scheme (考核方案): parts whose scores add up to the total, a capped bonus, vetoes, grade bands with optional quotas,
/// the grade of a vetoed target, and the parts that break ties. Built and checked by <see cref="SchemeBuilder"/>.
/// </summary>
public sealed record Scheme(
    string Title,
    IReadOnlyList<SchemePart> Parts,
    SchemeBonus? Bonus,
    IReadOnlyList<SchemeVeto> Vetoes,
    IReadOnlyList<SchemeGrade> Grades,
    string VetoGrade,
    IReadOnlyList<string> TieBreakers)
{
    /// <summary>The scheme's points: the sum of its parts' (the bonus comes on top).</summary>
    public decimal Points => Parts.Sum(p => p.Points);

    public SchemePart? Part(string key) => Parts.FirstOrDefault(p => p.Key == key);

    public SchemeVeto? Veto(string key) => Vetoes.FirstOrDefault(v => v.Key == key);

    /// <summary>The band a total falls in: the first grade (highest first) whose minimum it reaches.</summary>
    public SchemeGrade Band(decimal total) => Grades.FirstOrDefault(g => total >= g.Min) ?? Grades[^1];
}

/// <summary>How a part counts an item marked not applicable (不涉及).</summary>
public enum NotApplicableRule
{
    /// <summary>不涉及的不扣分: the item keeps its points.</summary>
    Full,

    /// <summary>The part is rescaled: earned ÷ applicable points × part points.</summary>
    Rescale,
}

/// <summary>
/// A part (附件) of the scheme: a rubric counted as <paramref name="Points"/> (converted when they differ from the
/// rubric's). <paramref name="RubricSource"/> is where the rubric came from as the scheme names it.
/// </summary>
public sealed record SchemePart(string Key, string Name, decimal Points, Rubric Rubric, string RubricSource, NotApplicableRule NotApplicable);

/// <summary>加分: a rubric of bonus items, each within its own points and caps, all of them together within <paramref name="Cap"/>.</summary>
public sealed record SchemeBonus(Rubric Rubric, string RubricSource, decimal Cap);

/// <summary>一票否决: declared for a target, or fired by a total below <paramref name="Below"/>.</summary>
public sealed record SchemeVeto(string Key, string Name, decimal? Below = null);

/// <summary>等次: reached at <paramref name="Min"/> points of the total; <paramref name="Quota"/> (名额) is a share below 1, a count from 1.</summary>
public sealed record SchemeGrade(string Name, decimal Min, decimal? Quota = null)
{
    /// <summary>How many of <paramref name="ranked"/> targets the grade may hold: floor(q × ranked) for a share, q for a count.</summary>
    public int? Limit(int ranked) => Quota switch
    {
        null => null,
        { } q when q < 1 => (int)decimal.Floor(q * ranked),
        { } q => (int)Math.Min(q, int.MaxValue),
    };
}
