using System.Text.Json;
using Kaoping.Text;

namespace Kaoping.Json;

/// <summary>
/// Opens a JSON file handed in as a stream, within bounds: at most <c>maxBytes</c>, nested at most <c>maxDepth</c>,
/// UTF-8 only; every refusal names the source and, for bad JSON, the line and column.
/// </summary>
internal static class JsonFile
{
    public static JsonDocument Parse(Stream stream, string source, int maxBytes, int maxDepth)
    {
        try
        {
            var bytes = BoundedStream.ReadAll(stream, maxBytes, () => Error(source, "文件过大（超过{1} MB）。",
                "the file is too large (over {1} MB).", maxBytes / 1024 / 1024));
            // The parser checks the structure, not the text inside strings: invalid UTF-8 would fail only when a string is read.
            if (!System.Text.Unicode.Utf8.IsValid(bytes))
                throw Error(source, "不是 UTF-8 编码的文本。", "the file is not UTF-8 text.");
            return JsonDocument.Parse(bytes,
                new JsonDocumentOptions { AllowTrailingCommas = true, CommentHandling = JsonCommentHandling.Skip, MaxDepth = maxDepth });
        }
        catch (JsonException e)
        {
            throw Error(source, "第{1}行第{2}列不是合法的 JSON。", "line {1}, column {2} is not valid JSON.", (e.LineNumber ?? 0) + 1, (e.BytePositionInLine ?? 0) + 1);
        }
    }

    public static InvalidInputException Error(string source, string zh, string en, params object?[] args) =>
        new(LocalizedText.Format("{0}：" + zh, "{0}: " + en, [source, .. args]));

    public static string? Unknown(JsonElement element, params string[] allowed) =>
        element.EnumerateObject().Select(p => p.Name).FirstOrDefault(name => !allowed.Contains(name));
}
