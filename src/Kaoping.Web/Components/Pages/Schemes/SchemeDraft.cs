using Kaoping.Schemes;
using Kaoping.Web.Services.Results;
using Kaoping.Web.Services.Schemes;

namespace Kaoping.Web.Components.Pages.Schemes;

/// <summary>
/// What the scheme form holds: a <see cref="SchemeSpec"/> being written. The Core checks it (<see cref="SchemeBuilder"/>)
/// and names the field of its refusal (<c>parts[0].points</c> …), which the form shows at that field.
/// </summary>
public sealed class SchemeDraft
{
    public string Title { get; set; } = "";

    public List<PartDraft> Parts { get; } = [];

    public bool HasBonus { get; set; }

    public int? BonusRubricId { get; set; }

    public decimal? BonusCap { get; set; }

    public List<VetoDraft> Vetoes { get; } = [];

    public List<GradeDraft> Grades { get; } =
        [new() { Name = "优秀", Min = 90, Quota = 0.3m }, new() { Name = "良好", Min = 80 }, new() { Name = "合格", Min = 60 }, new() { Name = "不合格", Min = 0 }];

    public string VetoGrade { get; set; } = SchemeBuilder.DefaultVetoGrade;

    public SchemeSpec ToSpec() => new(
        Title,
        [.. Parts.Select(p => new PartSpec(p.FromAccidents ? AccidentFindings.PartKey : p.Key, p.Name, p.Points, Reference(p.RubricId),
            p.Rescale ? "rescale" : "full"))],
        HasBonus ? new BonusSpec(Reference(BonusRubricId), BonusCap) : null,
        [.. Vetoes.Select(v => new VetoSpec(v.Key, v.Name, v.Below))],
        [.. Grades.Select(g => new GradeSpec(g.Name, g.Min, g.Quota))],
        VetoGrade,
        [.. Parts.Where(p => p.TieBreaker).Select(p => p.FromAccidents ? AccidentFindings.PartKey : p.Key)]);

    private static string? Reference(int? rubricId) => rubricId is { } id ? SchemeLibrary.Library(id) : null;
}

public sealed class PartDraft
{
    /// <summary>Scored from the accident statistics (key <c>accidents</c>) rather than the campaign's sheets.</summary>
    public bool FromAccidents { get; set; }

    public string Key { get; set; } = "";

    public string Name { get; set; } = "";

    public decimal? Points { get; set; }

    public int? RubricId { get; set; }

    public bool Rescale { get; set; }

    public bool TieBreaker { get; set; }
}

public sealed class VetoDraft
{
    public string Key { get; set; } = "";

    public string Name { get; set; } = "";

    public decimal? Below { get; set; }
}

public sealed class GradeDraft
{
    public string Name { get; set; } = "";

    public decimal? Min { get; set; }

    public decimal? Quota { get; set; }
}
