using System.Globalization;
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

        // Written from the stack: a sheet's answer has two scores of 43 items, and a string for each key was garbage.
        public override void Write(Utf8JsonWriter writer, ItemKey value, JsonSerializerOptions options)
        {
            Span<char> text = stackalloc char[36];
            if (text.TryWrite(CultureInfo.InvariantCulture, $"{value.Category}.{value.Subcategory}.{value.Item}", out var length))
                writer.WriteStringValue(text[..length]);
            else
                writer.WriteStringValue(value.ToString());
        }
    }

    private sealed class PointsConverter : JsonConverter<decimal>
    {
        public override decimal Read(ref Utf8JsonReader reader, Type typeToConvert, JsonSerializerOptions options) => reader.GetDecimal();

        /// <summary>
        /// As <c>WriteNumberValue(Points.Normalize(value))</c> writes it, without the division that normalizing takes:
        /// the digits are formatted once and the trailing zeros after the point dropped (1.50 → 1.5, 1.0 → 1).
        /// </summary>
        public override void Write(Utf8JsonWriter writer, decimal value, JsonSerializerOptions options)
        {
            Span<byte> digits = stackalloc byte[40];
            if (!value.TryFormat(digits, out var length, default, CultureInfo.InvariantCulture))
            {
                writer.WriteNumberValue(Points.Normalize(value));
                return;
            }
            if (value.Scale > 0)
            {
                while (digits[length - 1] == (byte)'0')
                    length--;
                if (digits[length - 1] == (byte)'.')
                    length--;
            }
            writer.WriteRawValue(digits[..length], skipInputValidation: true);
        }
    }
}
