namespace Kaoping.Schemes;

/// <summary>
/// A scheme as a user or a file wrote it, not yet checked: any field may be missing. <see cref="SchemeBuilder"/> checks
/// it and loads its rubrics; the JSON reader, and later a form, fill it in.
/// </summary>
public sealed record SchemeSpec(
    string? Title,
    IReadOnlyList<PartSpec>? Parts,
    BonusSpec? Bonus = null,
    IReadOnlyList<VetoSpec>? Vetoes = null,
    IReadOnlyList<GradeSpec>? Grades = null,
    string? VetoGrade = null,
    IReadOnlyList<string>? TieBreakers = null);

/// <summary><paramref name="NotApplicable"/> is <c>full</c> (the default) or <c>rescale</c>.</summary>
public sealed record PartSpec(string? Key, string? Name, decimal? Points, string? Rubric, string? NotApplicable = null);

public sealed record BonusSpec(string? Rubric, decimal? Cap);

public sealed record VetoSpec(string? Key, string? Name, decimal? Below = null);

public sealed record GradeSpec(string? Name, decimal? Min, decimal? Quota = null);
