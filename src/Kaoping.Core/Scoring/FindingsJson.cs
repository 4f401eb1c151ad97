using System.Text.Json;
using Kaoping.Json;
using Kaoping.Rubrics;
using Kaoping.Text;

namespace Kaoping.Scoring;

/// <summary>
/// Reads a findings file: <c>{"target":"禹州市","findings":[{"item":"1.1.2","clause":1,"count":3},{"item":"4.6.1","deduction":0.5,"reason":"…"}]}</c>,
/// checked against the rubric, every problem named by file and finding.
/// </summary>
public static class FindingsJson
{
    public const int MaxBytes = 4 * 1024 * 1024;

    /// <summary>An object in a list in an object: anything nested deeper is not a findings file.</summary>
    public const int MaxDepth = 8;

    /// <summary>A county's sheet has 43 items of at most <see cref="FindingsValidator.MaxPerItem"/> findings.</summary>
    public const int MaxFindings = 10_000;

    public static SheetFindings Read(Stream stream, string source, Rubric rubric)
    {
        using (var document = JsonFile.Parse(stream, source, MaxBytes, MaxDepth))
        {
            var root = document.RootElement;
            if (root.ValueKind != JsonValueKind.Object)
                throw Error(source, "应是一个对象：{{\"target\":…,\"findings\":[…]}}。", "must be an object: {{\"target\":…,\"findings\":[…]}}.");
            if (Unknown(root, "target", "findings") is { } extra)
                throw Error(source, "不认识的字段“{1}”（应为 target、findings）。", "unknown field “{1}” (expected target, findings).", extra);
            var target = root.TryGetProperty("target", out var t) && t.ValueKind == JsonValueKind.String ? t.GetString()!.Trim() : "";
            if (target.Length == 0)
                throw Error(source, "缺少被考评单位（\"target\"）。", "the target (\"target\") is missing.");
            if (!root.TryGetProperty("findings", out var list) || list.ValueKind != JsonValueKind.Array)
                throw Error(source, "缺少发现列表（\"findings\": […]）。", "the list of findings (\"findings\": […]) is missing.");

            return new SheetFindings(target, ReadList(list, source, rubric));
        }
    }

    /// <summary>A list of findings as in a findings file, checked against the rubric; refusals name <paramref name="source"/>.</summary>
    internal static List<Finding> ReadList(JsonElement list, string source, Rubric rubric)
    {
        if (list.GetArrayLength() > MaxFindings)
            throw Error(source, "发现超过{1}条。", "more than {1} findings.", MaxFindings);
        var findings = new List<Finding>();
        foreach (var element in list.EnumerateArray())
            findings.Add(ReadFinding(element, source, findings.Count + 1));
        if (FindingsValidator.Validate(rubric, findings).FirstOrDefault() is ({ } index, { } problem))
            throw Error(source, "第{1}条发现：{2}", "finding {1}: {2}", index + 1, problem);
        return findings;
    }

    private static Finding ReadFinding(JsonElement element, string source, int number)
    {
        InvalidInputException Bad(string zh, string en, params object?[] args) =>
            Error(source, "第{1}条发现：" + zh, "finding {1}: " + en, [number, .. args]);

        if (element.ValueKind != JsonValueKind.Object)
            throw Bad("应是一个对象。", "must be an object.");
        var hasClauseField = element.TryGetProperty("clause", out _);
        var isRange = hasClauseField && element.TryGetProperty("deduction", out _);
        string[] allowed = isRange ? ["item", "clause", "deduction", "reason"]
            : hasClauseField ? ["item", "clause", "count"] : ["item", "deduction", "reason"];
        if (Unknown(element, allowed) is { } extra)
            throw Bad("不认识的字段“{2}”（{3}）。", "unknown field “{2}” ({3}).", extra,
                isRange ? "酌情扣分只能有 item、clause、deduction、reason" : hasClauseField ? "条款发现只能有 item、clause、count" : "人工扣分只能有 item、deduction、reason");
        var itemText = element.TryGetProperty("item", out var i) && i.ValueKind == JsonValueKind.String ? i.GetString() : null;
        if (itemText is null)
            throw Bad("缺少考评项目编号（\"item\"，如\"1.1.2\"）。", "the item key (\"item\", such as \"1.1.2\") is missing.");
        if (!ItemKey.TryParse(itemText, out var key))
            throw Bad("考评项目编号“{2}”格式不对，应如“1.1.2”（指标.类别.项）。",
                "the item key “{2}” is malformed; it must look like “1.1.2” (category.subcategory.item).", itemText);

        string? reason = null;
        if (element.TryGetProperty("reason", out var r) && (reason = r.ValueKind == JsonValueKind.String ? r.GetString() : null) is null)
            throw Bad("原因（\"reason\"）应是文字，读到的是 {2}。", "the reason (\"reason\") must be text; got {2}.", r.GetRawText());
        var input = new FindingInput(Number(element, "clause", Bad), Number(element, "count", Bad), Number(element, "deduction", Bad), reason);
        var finding = FindingReader.Read(key, input, out var problem);
        if (problem is not null)
            throw Error(source, "第{1}条发现（{2}）：{3}", "finding {1} ({2}): {3}", number, key, problem.Problem);
        return finding;
    }

    private static decimal? Number(JsonElement element, string name, Func<string, string, object?[], InvalidInputException> bad)
    {
        if (!element.TryGetProperty(name, out var value))
            return null;
        if (value.ValueKind != JsonValueKind.Number || !value.TryGetDecimal(out var number))
            throw bad("“{2}”应是数字，读到的是 {3}。", "“{2}” must be a number; got {3}.", [name, value.GetRawText()]);
        return number;
    }

    private static string? Unknown(JsonElement element, params string[] allowed) => JsonFile.Unknown(element, allowed);

    private static InvalidInputException Error(string source, string zh, string en, params object?[] args) => JsonFile.Error(source, zh, en, args);
}
