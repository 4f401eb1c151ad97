using System.Text.Json;
using Kaoping.Json;
using Kaoping.Rubrics;
using Kaoping.Scoring;
using Kaoping.Text;

namespace Kaoping.Schemes;

/// <summary>
/// Reads a target's input for a scheme — <c>{"target","parts":{"KEY":{"findings":[…],"notApplicable":["4.2.1"]}},
/// "bonus":{"findings":[…]},"vetoes":["major"]}</c>, findings as in a findings file — or a list of them
/// (<c>{"targets":[…]}</c>), bounded in size and depth and checked against the scheme.
/// </summary>
public static class TargetJson
{
    public const int MaxBytes = FindingsJson.MaxBytes;

    public const int MaxListBytes = 64 * 1024 * 1024;

    public const int MaxTargets = 10_000;

    public const int MaxDepth = 8;

    private const string Shape = "{\"target\":…,\"parts\":{…},\"bonus\":{…},\"vetoes\":[…]}";

    public static TargetInput Read(Stream stream, string source, Scheme scheme)
    {
        using var document = JsonFile.Parse(stream, source, MaxBytes, MaxDepth);
        return Target(JsonFields.Root(document.RootElement, source, Shape), scheme);
    }

    public static IReadOnlyList<TargetInput> ReadList(Stream stream, string source, Scheme scheme)
    {
        using var document = JsonFile.Parse(stream, source, MaxListBytes, MaxDepth + 2);
        var root = JsonFields.Root(document.RootElement, source, "{\"targets\":[…]}");
        root.Only("targets");
        var elements = root.Array("targets", MaxTargets)
            ?? throw root.Error("缺少被考评单位列表（\"targets\": […]）。", "the list of targets (\"targets\": […]) is missing.");
        var targets = new List<TargetInput>(elements.Length);
        var names = new HashSet<string>(StringComparer.Ordinal);
        for (var i = 0; i < elements.Length; i++)
        {
            var target = Target(root.Child(elements[i], LocalizedText.Format("targets 第{0}项", "targets entry {0}", i + 1)), scheme);
            if (!names.Add(target.Target))
                throw root.Error("被考评单位“{0}”出现了两次（targets 第{1}项）。", "the target “{0}” appears twice (targets entry {1}).", target.Target, i + 1);
            targets.Add(target);
        }
        return targets;
    }

    private static TargetInput Target(JsonFields root, Scheme scheme)
    {
        root.Only("target", "parts", "bonus", "vetoes");
        var name = root.String("target")?.Trim() ?? "";
        if (name.Length == 0)
            throw root.Error("缺少被考评单位（\"target\"）。", "the target (\"target\") is missing.");
        var at = root.Source + "（" + name + "）";
        var parts = new Dictionary<string, PartInput>(StringComparer.Ordinal);
        if (root.Object("parts", new("parts", "parts")) is { } partsObject)
        {
            foreach (var property in partsObject.Element.EnumerateObject())
            {
                if (scheme.Part(property.Name) is not { } part)
                    throw JsonFile.Error(at, "方案没有部分“{1}”（有：{2}）。", "the scheme has no part “{1}” (it has: {2}).",
                        property.Name, string.Join("、", scheme.Parts.Select(p => p.Key)));
                if (parts.ContainsKey(part.Key))
                    throw JsonFile.Error(at, "部分“{1}”出现了两次。", "the part “{1}” appears twice.", part.Key);
                var partAt = at + " › " + part.Key;
                parts[part.Key] = Part(partsObject.Child(property.Value, new(part.Key, part.Key)), partAt, part.Rubric);
            }
        }
        List<Finding> bonus = [];
        if (root.Object("bonus", new("bonus", "bonus")) is { } bonusObject)
        {
            bonusObject.Only("findings");
            if (bonusObject.Array("findings", FindingsJson.MaxFindings) is { Length: > 0 })
            {
                var rubric = scheme.Bonus?.Rubric ?? throw bonusObject.Error("方案没有加分（bonus），不能填写加分发现。",
                    "the scheme has no bonus; there can be no bonus findings.");
                bonus = FindingsJson.ReadList(bonusObject.Element.GetProperty("findings"), at + " › bonus", rubric);
            }
        }
        var input = new TargetInput(name, parts, bonus, root.Strings("vetoes", SchemeBuilder.MaxVetoes) ?? []);
        if (SchemeResult.Problem(scheme, input) is { } problem)
            throw JsonFile.Error(at, "{1}", "{1}", problem);
        return input;
    }

    private static PartInput Part(JsonFields part, string at, Rubric rubric)
    {
        part.Only("findings", "notApplicable");
        var findings = part.Array("findings", FindingsJson.MaxFindings) is null ? []
            : FindingsJson.ReadList(part.Element.GetProperty("findings"), at, rubric);
        var notApplicable = new List<ItemKey>();
        foreach (var text in part.Strings("notApplicable", rubric.ItemCount + 1) ?? [])
        {
            if (!ItemKey.TryParse(text, out var key))
                throw part.Error("不涉及的考评项目编号“{0}”格式不对，应如“4.2.1”。", "the not-applicable item key “{0}” is malformed; it must look like “4.2.1”.", text);
            notApplicable.Add(key);
        }
        return new PartInput(findings, notApplicable);
    }
}
