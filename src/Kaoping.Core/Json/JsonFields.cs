using System.Text.Json;
using Kaoping.Text;

namespace Kaoping.Json;

/// <summary>
/// An object of a JSON file being read, with its place (<c>parts 第2项</c>): typed fields whose refusals name the file,
/// the place and the field.
/// </summary>
internal readonly struct JsonFields(JsonElement element, string source, LocalizedText? place)
{
    public JsonElement Element => element;

    public string Source => source;

    public static JsonFields Root(JsonElement element, string source, string shape)
    {
        var root = new JsonFields(element, source, null);
        if (element.ValueKind != JsonValueKind.Object)
            throw root.Error("应是一个对象：{0}。", "must be an object: {0}.", shape);
        return root;
    }

    public InvalidInputException Error(string zh, string en, params object?[] args)
    {
        var message = LocalizedText.Format(zh, en, args);
        return place is { } at ? JsonFile.Error(source, "{1}：{2}", "{1}: {2}", at, message) : JsonFile.Error(source, "{1}", "{1}", message);
    }

    public void Only(params string[] names)
    {
        if (JsonFile.Unknown(element, names) is { } extra)
            throw Error("不认识的字段“{0}”（可用：{1}）。", "unknown field “{0}” (expected: {1}).", extra, string.Join("、", names));
    }

    public bool Has(string name) => element.TryGetProperty(name, out _);

    public string? String(string name)
    {
        if (!element.TryGetProperty(name, out var value))
            return null;
        return value.ValueKind == JsonValueKind.String ? value.GetString()
            : throw Error("“{0}”应是文字，读到的是 {1}。", "“{0}” must be text; got {1}.", name, Raw(value));
    }

    public decimal? Number(string name)
    {
        if (!element.TryGetProperty(name, out var value))
            return null;
        return value.ValueKind == JsonValueKind.Number && value.TryGetDecimal(out var number) ? number
            : throw Error("“{0}”应是数字，读到的是 {1}。", "“{0}” must be a number; got {1}.", name, Raw(value));
    }

    public JsonFields? Object(string name, LocalizedText childPlace)
    {
        if (!element.TryGetProperty(name, out var value))
            return null;
        return value.ValueKind == JsonValueKind.Object ? new JsonFields(value, source, childPlace)
            : throw Error("“{0}”应是一个对象，读到的是 {1}。", "“{0}” must be an object; got {1}.", name, Raw(value));
    }

    /// <summary>The elements of an array field, at most <paramref name="max"/>; null when absent.</summary>
    public JsonElement[]? Array(string name, int max)
    {
        if (!element.TryGetProperty(name, out var value))
            return null;
        if (value.ValueKind != JsonValueKind.Array)
            throw Error("“{0}”应是一个列表 […]，读到的是 {1}。", "“{0}” must be a list […]; got {1}.", name, Raw(value));
        if (value.GetArrayLength() > max)
            throw Error("“{0}”最多{1}项，读到{2}项。", "“{0}” has at most {1} entries; got {2}.", name, max, value.GetArrayLength());
        return [.. value.EnumerateArray()];
    }

    /// <summary>An element of a list that must be an object, placed as <paramref name="childPlace"/>.</summary>
    public JsonFields Child(JsonElement value, LocalizedText childPlace) => value.ValueKind == JsonValueKind.Object
        ? new JsonFields(value, source, childPlace)
        : throw new JsonFields(value, source, childPlace).Error("应是一个对象，读到的是 {0}。", "must be an object; got {0}.", Raw(value));

    /// <summary>A list of texts, each trimmed and not empty.</summary>
    public List<string>? Strings(string name, int max)
    {
        if (Array(name, max) is not { } values)
            return null;
        var texts = new List<string>(values.Length);
        foreach (var value in values)
        {
            if (value.ValueKind != JsonValueKind.String || value.GetString()!.Trim() is not { Length: > 0 } text)
                throw Error("“{0}”应是文字的列表，读到 {1}。", "“{0}” must be a list of texts; got {1}.", name, Raw(value));
            texts.Add(text);
        }
        return texts;
    }

    private static string Raw(JsonElement value)
    {
        var raw = value.GetRawText();
        return raw.Length > 40 ? raw[..40] + "…" : raw;
    }
}
