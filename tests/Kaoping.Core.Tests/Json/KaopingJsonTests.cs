using System.Text.Json;
using Kaoping.Json;
using Kaoping.Rubrics;
using Kaoping.Text;

namespace Kaoping.Core.Tests.Json;

public class KaopingJsonTests
{
    [Theory]
    [InlineData("1.50", "1.5")]
    [InlineData("1.0", "1")]
    [InlineData("0.00", "0")]
    [InlineData("-0.50", "-0.5")]
    [InlineData("100", "100")]
    [InlineData("100.00", "100")]
    [InlineData("39.5", "39.5")]
    [InlineData("0.125", "0.125")]
    [InlineData("0.0000000000000000000000000001", "0.0000000000000000000000000001")]
    [InlineData("79228162514264337593543950335", "79228162514264337593543950335")]
    [InlineData("-79228162514264337593543950335", "-79228162514264337593543950335")]
    public void Points_AreWrittenAsNumbersWithoutTrailingZeros(string value, string json)
    {
        var points = decimal.Parse(value, System.Globalization.CultureInfo.InvariantCulture);

        Assert.Equal(json, JsonSerializer.Serialize(points, KaopingJson.Compact));
    }

    [Fact]
    public void Points_AreWrittenAsTheNormalizedValueWouldBe()
    {
        var random = new Random(2018);
        for (var i = 0; i < 10_000; i++)
        {
            var value = new decimal(random.Next(), random.Next(), random.Next(4), random.Next(2) == 1, (byte)random.Next(29));
            if (i % 2 == 0)
                value = decimal.Round(value, random.Next(6)) * 1.000m; // few digits, trailing zeros

            Assert.Equal(JsonSerializer.Serialize(Points.Normalize(value)), JsonSerializer.Serialize(value, KaopingJson.Compact));
        }
    }

    [Fact]
    public void Points_InsideObjectsAndArrays_KeepTheirSeparators()
    {
        var json = JsonSerializer.Serialize(new { points = 1.0m, scores = new[] { 0.50m, 2m } }, KaopingJson.Compact);

        Assert.Equal("""{"points":1,"scores":[0.5,2]}""", json);
        Assert.Equal(0.5m, JsonDocument.Parse(json).RootElement.GetProperty("scores")[0].GetDecimal());
    }

    [Fact]
    public void ItemKeys_AreWrittenAndReadAsText()
    {
        var key = new ItemKey(1, 10, 3);

        var json = JsonSerializer.Serialize(new[] { key }, KaopingJson.Compact);

        Assert.Equal("""["1.10.3"]""", json);
        Assert.Equal(key, JsonSerializer.Deserialize<ItemKey[]>(json, KaopingJson.Compact)![0]);
    }
}
