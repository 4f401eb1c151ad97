namespace Kaoping.Rubrics;

/// <summary>The rubrics shipped with Kaoping (the files under rubrics/), addressed as <c>builtin:NAME</c>.</summary>
public static class BuiltInRubrics
{
    public const string Prefix = "builtin:";
    public const string County2018 = "2018-county-safety-rubric";
    private const string ResourcePrefix = "Kaoping.Rubrics.BuiltIn.";

    public static IReadOnlyList<string> Names { get; } =
        [.. typeof(BuiltInRubrics).Assembly.GetManifestResourceNames()
            .Where(n => n.StartsWith(ResourcePrefix, StringComparison.Ordinal))
            .Select(n => Path.GetFileNameWithoutExtension(n[ResourcePrefix.Length..]))
            .Order(StringComparer.Ordinal)];

    public static bool TryOpen(string name, out Stream stream)
    {
        stream = typeof(BuiltInRubrics).Assembly.GetManifestResourceStream(ResourcePrefix + name + ".txt")!;
        return stream is not null;
    }

    /// <summary>Reads a built-in rubric by name.</summary>
    public static Rubric Load(string name = County2018)
    {
        if (!TryOpen(name, out var stream))
            throw new ArgumentException("No built-in rubric named " + name, nameof(name));
        using (stream)
            return TextRubricReader.Read(stream, Prefix + name);
    }
}
