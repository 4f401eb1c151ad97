using System.Text.Json;
using Kaoping.Json;

namespace Kaoping.Scoring;

/// <summary>The score's JSON format: target, points, score, categories › subcategories › items with their reasons.</summary>
public static class ScoreJson
{
    public static string Write(SheetScore score) => JsonSerializer.Serialize(score, KaopingJson.Options);
}
