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

    public const int MaxReasonLength = 1000;

    public static SheetFindings Read(Stream stream, string source, Rubric rubric)
    {
        JsonDocument document;
        try
        {
            var bytes = BoundedStream.ReadAll(stream, MaxBytes, () => Error(source, "文件过大（超过{1} MB）。", "the file is too large (over {1} MB).", MaxBytes / 1024 / 1024));
            // The parser checks the structure, not the text inside strings: invalid UTF-8 would fail only when a string is read.
            if (!System.Text.Unicode.Utf8.IsValid(bytes))
                throw Error(source, "不是 UTF-8 编码的文本。", "the file is not UTF-8 text.");
            document = JsonDocument.Parse(bytes, new JsonDocumentOptions { AllowTrailingCommas = true, CommentHandling = JsonCommentHandling.Skip, MaxDepth = MaxDepth });
        }
        catch (JsonException e)
        {
            throw Error(source, "第{1}行第{2}列不是合法的 JSON。", "line {1}, column {2} is not valid JSON.", (e.LineNumber ?? 0) + 1, (e.BytePositionInLine ?? 0) + 1);
        }
        using (document)
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

            if (list.GetArrayLength() > MaxFindings)
                throw Error(source, "发现超过{1}条。", "more than {1} findings.", MaxFindings);
            var findings = new List<Finding>();
            foreach (var element in list.EnumerateArray())
                findings.Add(ReadFinding(element, source, findings.Count + 1));
            if (FindingsValidator.Validate(rubric, findings).FirstOrDefault() is ({ } index, { } problem))
                throw Error(source, "第{1}条发现：{2}", "finding {1}: {2}", index + 1, problem);
            return new SheetFindings(target, findings);
        }
    }

    private static Finding ReadFinding(JsonElement element, string source, int number)
    {
        InvalidInputException Bad(string zh, string en, params object?[] args) =>
            Error(source, "第{1}条发现：" + zh, "finding {1}: " + en, [number, .. args]);

        if (element.ValueKind != JsonValueKind.Object)
            throw Bad("应是一个对象。", "must be an object.");
        var hasClauseField = element.TryGetProperty("clause", out _);
        string[] allowed = hasClauseField ? ["item", "clause", "count"] : ["item", "deduction", "reason"];
        if (Unknown(element, allowed) is { } extra)
            throw Bad("不认识的字段“{2}”（{3}）。", "unknown field “{2}” ({3}).", extra,
                hasClauseField ? "条款发现只能有 item、clause、count" : "人工扣分只能有 item、deduction、reason");
        var itemText = element.TryGetProperty("item", out var i) && i.ValueKind == JsonValueKind.String ? i.GetString() : null;
        if (itemText is null)
            throw Bad("缺少考评项目编号（\"item\"，如\"1.1.2\"）。", "the item key (\"item\", such as \"1.1.2\") is missing.");
        if (!ItemKey.TryParse(itemText, out var key))
            throw Bad("考评项目编号“{2}”格式不对，应如“1.1.2”（指标.类别.项）。", "the item key “{2}” is malformed; it must look like “1.1.2” (category.subcategory.item).", itemText);

        var hasClause = element.TryGetProperty("clause", out var clause);
        var hasDeduction = element.TryGetProperty("deduction", out var deduction);
        if (hasClause && hasDeduction)
            throw Bad("不能同时有条款（\"clause\"）和人工扣分（\"deduction\"）。", "cannot have both a clause (\"clause\") and a manual deduction (\"deduction\").");
        if (hasClause)
        {
            if (!TryWholeNumber(clause, out var clauseNumber) || clauseNumber < 1)
                throw Bad("条款序号（\"clause\"）应是从1开始的整数，读到的是 {2}。", "the clause number (\"clause\") must be a whole number from 1; got {2}.", clause.GetRawText());
            var count = 1;
            if (element.TryGetProperty("count", out var c) && (!TryWholeNumber(c, out count) || count < 0))
                throw Bad("次数（\"count\"）应是0或正整数，读到的是 {2}。", "the count (\"count\") must be 0 or a positive whole number; got {2}.", c.GetRawText());
            return new ClauseFinding(key, clauseNumber, count);
        }
        if (hasDeduction)
        {
            if (deduction.ValueKind != JsonValueKind.Number || !deduction.TryGetDecimal(out var amount))
                throw Bad("人工扣分（\"deduction\"）应是数字，读到的是 {2}。", "the manual deduction (\"deduction\") must be a number; got {2}.", deduction.GetRawText());
            var reason = element.TryGetProperty("reason", out var r) && r.ValueKind == JsonValueKind.String ? r.GetString()! : "";
            if (string.IsNullOrWhiteSpace(reason))
                throw Bad("人工扣分必须写明原因（\"reason\"）。", "a manual deduction needs a reason (\"reason\").");
            if (reason.Length > MaxReasonLength)
                throw Bad("原因（\"reason\"）超过{2}字。", "the reason (\"reason\") is longer than {2} characters.", MaxReasonLength);
            return new ManualDeduction(key, Points.Normalize(amount), reason.Trim());
        }
        throw Bad("应有条款序号（\"clause\"）或人工扣分（\"deduction\"和\"reason\"）。", "needs a clause number (\"clause\") or a manual deduction (\"deduction\" with \"reason\").");
    }

    private static string? Unknown(JsonElement element, params string[] allowed) =>
        element.EnumerateObject().Select(p => p.Name).FirstOrDefault(name => !allowed.Contains(name));

    private static bool TryWholeNumber(JsonElement element, out int value)
    {
        value = 0;
        return element.ValueKind == JsonValueKind.Number && element.TryGetDecimal(out var d) && d == decimal.Truncate(d)
            && d is >= int.MinValue and <= int.MaxValue && (value = (int)d) == d;
    }

    private static InvalidInputException Error(string source, string zh, string en, params object?[] args) =>
        new(LocalizedText.Format("{0}：" + zh, "{0}: " + en, [source, .. args]));
}
