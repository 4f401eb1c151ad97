using System.Text.Json;
using Kaoping.Json;
using Kaoping.Rubrics;
using Kaoping.Text;

namespace Kaoping.Schemes;

/// <summary>
/// Reads a scheme file: <c>{"title","parts":[{"key","name","points","rubric","notApplicable"}],"bonus":{"rubric","cap"},
/// "vetoes":[{"key","name","below"}],"grades":[{"name","min","quota"}],"vetoGrade","tieBreakers":[…]}</c>, bounded in size
/// and depth; <see cref="SchemeBuilder"/> checks what it means.
/// </summary>
public static class SchemeJson
{
    public const int MaxBytes = 256 * 1024;

    /// <summary>A list of objects in an object: anything nested deeper is not a scheme.</summary>
    public const int MaxDepth = 6;

    /// <param name="rubrics">Opens a rubric as the file names it (a path relative to the file, or <c>builtin:NAME</c>).</param>
    public static Scheme Read(Stream stream, string source, Func<string, Rubric> rubrics)
    {
        using var document = JsonFile.Parse(stream, source, MaxBytes, MaxDepth);
        var root = JsonFields.Root(document.RootElement, source, "{\"title\":…,\"parts\":[…]}");
        root.Only("title", "parts", "bonus", "vetoes", "grades", "vetoGrade", "tieBreakers");
        var parts = root.Array("parts", SchemeBuilder.MaxParts)?.Select((p, i) => Part(root.Child(p, Place("parts", i)))).ToList()
            ?? throw root.Error("缺少部分列表（\"parts\": […]）。", "the list of parts (\"parts\": […]) is missing.");
        BonusSpec? bonus = null;
        if (root.Object("bonus", new("bonus", "bonus")) is { } b)
        {
            b.Only("rubric", "cap");
            bonus = new BonusSpec(b.String("rubric"), b.Number("cap"));
        }
        var vetoes = root.Array("vetoes", SchemeBuilder.MaxVetoes)?.Select((v, i) =>
        {
            var veto = root.Child(v, Place("vetoes", i));
            veto.Only("key", "name", "below");
            return new VetoSpec(veto.String("key"), veto.String("name"), veto.Number("below"));
        }).ToList();
        var grades = root.Array("grades", SchemeBuilder.MaxGrades)?.Select((g, i) =>
        {
            var grade = root.Child(g, Place("grades", i));
            grade.Only("name", "min", "quota");
            return new GradeSpec(grade.String("name"), grade.Number("min"), grade.Number("quota"));
        }).ToList();
        var spec = new SchemeSpec(root.String("title"), parts, bonus, vetoes, grades, root.String("vetoGrade"),
            root.Strings("tieBreakers", SchemeBuilder.MaxParts));
        return SchemeBuilder.Build(spec, source, rubrics);
    }

    private static PartSpec Part(JsonFields part)
    {
        part.Only("key", "name", "points", "rubric", "notApplicable");
        return new PartSpec(part.String("key"), part.String("name"), part.Number("points"), part.String("rubric"), part.String("notApplicable"));
    }

    private static LocalizedText Place(string list, int index) => LocalizedText.Format("{0} 第{1}项", "{0} entry {1}", list, index + 1);
}
