using System.Text.Encodings.Web;
using System.Text.Json;
using System.Text.Json.Serialization;
using Kaoping.Rubrics;
using Kaoping.Text;

namespace Kaoping.Json;

/// <summary>The JSON conventions of Kaoping's formats: camelCase, numbers as JSON numbers without trailing zeros, Chinese unescaped.</summary>
public static class KaopingJson
{
    public static JsonSerializerOptions Options { get; } = Create(indented: true);

    public static JsonSerializerOptions Compact { get; } = Create(indented: false);

    private static JsonSerializerOptions Create(bool indented)
    {
        var options = new JsonSerializerOptions(JsonSerializerDefaults.Web) { WriteIndented = indented };
        Configure(options);
        options.MakeReadOnly(populateMissingResolver: true);
        return options;
    }

    /// <summary>Applies Kaoping's conventions to options owned by someone else (the web API's, say).</summary>
    public static void Configure(JsonSerializerOptions options)
    {
        options.Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping;
        options.Converters.Add(new JsonStringEnumConverter(JsonNamingPolicy.CamelCase));
        options.Converters.Add(new ItemKeyConverter());
        options.Converters.Add(new PointsConverter());
    }

    private sealed class ItemKeyConverter : JsonConverter<ItemKey>
    {
        public override ItemKey Read(ref Utf8JsonReader reader, Type typeToConvert, JsonSerializerOptions options) =>
            ItemKey.TryParse(reader.GetString(), out var key) ? key : throw new JsonException("Not an item key: " + reader.GetString());

        public override void Write(Utf8JsonWriter writer, ItemKey value, JsonSerializerOptions options) => writer.WriteStringValue(value.ToString());
    }

    private sealed class PointsConverter : JsonConverter<decimal>
    {
        public override decimal Read(ref Utf8JsonReader reader, Type typeToConvert, JsonSerializerOptions options) => reader.GetDecimal();

        public override void Write(Utf8JsonWriter writer, decimal value, JsonSerializerOptions options) => writer.WriteNumberValue(Points.Normalize(value));
    }
}
