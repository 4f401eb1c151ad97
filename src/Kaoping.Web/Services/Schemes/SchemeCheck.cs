using System.Text.Json;
using System.Text.Json.Serialization;
using Kaoping.Rubrics;
using Kaoping.Schemes;
using Kaoping.Text;
using Kaoping.Web.Services.Results;

namespace Kaoping.Web.Services.Schemes;

/// <summary>
/// A scheme read and checked, before anything is saved: the Core's scheme, or the Core's refusal and the field it names
/// (<c>parts[0].points</c> …; <c>json</c> for a file that is no scheme). <see cref="Json"/> is what is stored.
/// </summary>
public sealed record SchemeCheck(Scheme? Scheme, LocalizedText? Error, string? Field, string? Json, IReadOnlyList<string> BuiltIns)
{
    public bool CanSave => Scheme is not null && Error is null;

    /// <summary>The part the campaign's sheets score: the one part that is not the accident part.</summary>
    public string? SheetPart => Scheme?.Parts.Single(p => p.Key != AccidentFindings.PartKey).Key;

    public string? AccidentPart => Scheme?.Part(AccidentFindings.PartKey)?.Key;

    public static SchemeCheck Refused(InvalidInputException e) =>
        new(null, e.Text, e is SchemeException s ? s.Field : "json", null, []);

    private static readonly JsonSerializerOptions Options = new(JsonSerializerDefaults.Web)
    {
        DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull,
        Encoder = System.Text.Encodings.Web.JavaScriptEncoder.UnsafeRelaxedJsonEscaping,
        WriteIndented = true,
    };

    /// <summary>The scheme as the Core's JSON (<see cref="SchemeJson"/>), each rubric named as <paramref name="reference"/> says.</summary>
    public static string Write(Scheme scheme, Func<string, string> reference)
    {
        var spec = new SchemeSpec(scheme.Title,
            [.. scheme.Parts.Select(p => new PartSpec(p.Key, p.Name, p.Points, reference(p.RubricSource),
                p.NotApplicable == NotApplicableRule.Rescale ? "rescale" : "full"))],
            scheme.Bonus is { } b ? new BonusSpec(reference(b.RubricSource), b.Cap) : null,
            [.. scheme.Vetoes.Select(v => new VetoSpec(v.Key, v.Name, v.Below))],
            [.. scheme.Grades.Select(g => new GradeSpec(g.Name, g.Min, g.Quota))],
            scheme.VetoGrade,
            scheme.TieBreakers);
        return JsonSerializer.Serialize(spec, Options);
    }

    /// <summary>What the web app asks beyond the Core: one part scored by the sheets, and an accident part it can score.</summary>
    public static SchemeException? WebProblem(Scheme scheme, string source)
    {
        var sheetParts = scheme.Parts.Where(p => p.Key != AccidentFindings.PartKey).ToList();
        if (sheetParts.Count != 1)
            return new SchemeException("parts", LocalizedText.Format(
                "{0}：网页应用中一个考评任务只有一种考评表，方案应有且只有一个由考评表计分的部分，另可有一个键为“{1}”的事故控制指标部分；读到{2}个考评表部分。",
                "{0}: a campaign has one sheet per target, so a scheme has exactly one part scored by the sheets, and may have an accident part keyed “{1}”;"
                + " got {2} sheet parts.", source, AccidentFindings.PartKey, sheetParts.Count));
        if (scheme.Part(AccidentFindings.PartKey) is { } accidents && AccidentFindings.Problem(accidents.Rubric) is { } problem)
        {
            var index = scheme.Parts.ToList().IndexOf(accidents);
            return new SchemeException($"parts[{index}].rubric", LocalizedText.Format("{0}：事故控制指标部分：{1}",
                "{0}: the accident part: {1}", source, problem));
        }
        return null;
    }
}
