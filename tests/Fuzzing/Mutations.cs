using System.IO.Compression;
using CsCheck;

namespace Kaoping.Fuzzing;

/// <summary>One change to a byte string: what, where (a fraction of the length), how much, and with which token.</summary>
public readonly record struct Mutation(int Kind, double At, double Span, int Value, int Token, int Repeat);

/// <summary>
/// Mutated inputs from valid seeds, as CsCheck generators: byte flips and sets, deletions, insertions of random bytes and
/// of the format's own tokens, duplicated ranges, truncations, and a token repeated thousands of times (nesting blowups);
/// for zip containers also changes to the entries (their content mutated, renamed, dropped, duplicated, added, bombs).
/// </summary>
public static class Mutations
{
    private static readonly Gen<Mutation> s_mutation =
        Gen.Select(Gen.Int[0, 8], Gen.Double[0, 1], Gen.Double[0, 1], Gen.Int[0, 255], Gen.Int[0, 1000], Gen.Int[1, 20_000])
            .Select((kind, at, span, value, token, repeat) => new Mutation(kind, at, span, value, token, repeat));

    public static Gen<byte[]> Bytes(IReadOnlyList<byte[]> seeds, IReadOnlyList<byte[]> tokens) =>
        Gen.Select(Gen.Int[0, seeds.Count - 1], s_mutation.Array[1, 6]).Select((seed, steps) => Apply(seeds[seed], steps, tokens));

    public static byte[] Apply(byte[] seed, IEnumerable<Mutation> steps, IReadOnlyList<byte[]> tokens)
    {
        var bytes = new List<byte>(seed);
        foreach (var step in steps)
            Apply(bytes, step, tokens);
        return [.. bytes];
    }

    private static void Apply(List<byte> bytes, Mutation m, IReadOnlyList<byte[]> tokens)
    {
        var at = (int)(m.At * bytes.Count);
        var length = Math.Min((int)(m.Span * Math.Min(bytes.Count - at, 4096)), bytes.Count - at);
        var token = tokens[m.Token % tokens.Count];
        switch (m.Kind)
        {
            case 0 when at < bytes.Count:
                bytes[at] ^= (byte)(1 << (m.Value % 8));
                break;
            case 1 when at < bytes.Count:
                bytes[at] = (byte)((m.Value % 4) switch { 0 => 0, 1 => 0xFF, 2 => 0x7F, _ => m.Value });
                break;
            case 2:
                bytes.RemoveRange(at, length);
                break;
            case 3:
                var random = new byte[1 + m.Repeat % 64];
                new Random(m.Value * 31 + m.Repeat).NextBytes(random);
                bytes.InsertRange(at, random);
                break;
            case 4:
                var range = bytes.GetRange(at, length);
                for (var i = 0; i < 1 + m.Value % 8; i++)
                    bytes.InsertRange((int)(m.Span * bytes.Count), range);
                break;
            case 5:
                bytes.RemoveRange(at, bytes.Count - at);
                break;
            case 6 or 7:
                bytes.InsertRange(at, token);
                break;
            case 8:
                var repeated = new byte[token.Length * m.Repeat];
                for (var i = 0; i < m.Repeat; i++)
                    token.CopyTo(repeated, i * token.Length);
                bytes.InsertRange(at, repeated);
                break;
        }
    }

    /// <summary>A zip container mutated at the level of its entries, then (sometimes) its bytes.</summary>
    public static Gen<byte[]> Zip(IReadOnlyList<byte[]> seeds, IReadOnlyList<byte[]> tokens, IReadOnlyList<string> names) =>
        Gen.Select(Gen.Int[0, seeds.Count - 1], Gen.Select(Gen.Int[0, 9], Gen.Int[0, 1000], s_mutation.Array[0, 4]).Array[0, 3],
                Gen.Int[0, 2], s_mutation.Array[0, 2], Gen.Int[0, 3])
            .Select((seed, changes, level, raw, rawAt) => Rezip(seeds[seed], changes, level, raw, rawAt, tokens, names));

    private static byte[] Rezip(byte[] seed, (int Kind, int Pick, Mutation[] Steps)[] changes, int level, Mutation[] raw, int rawAt,
        IReadOnlyList<byte[]> tokens, IReadOnlyList<string> names)
    {
        var entries = new List<(string Name, byte[] Content)>();
        using (var zip = new ZipArchive(new MemoryStream(seed), ZipArchiveMode.Read))
        {
            foreach (var entry in zip.Entries)
            {
                using var content = entry.Open();
                using var copy = new MemoryStream();
                content.CopyTo(copy);
                entries.Add((entry.FullName, copy.ToArray()));
            }
        }
        foreach (var (kind, pick, steps) in changes)
        {
            var i = pick % entries.Count;
            var name = names[pick % names.Count];
            switch (kind)
            {
                case <= 4:
                    entries[i] = (entries[i].Name, Apply(entries[i].Content, steps, tokens));
                    break;
                case 5:
                    entries[i] = (name, entries[i].Content);
                    break;
                case 6 when entries.Count > 1:
                    entries.RemoveAt(i);
                    break;
                case 7:
                    entries.Add((name, Apply(entries[i].Content, steps, tokens)));
                    break;
                case 8:
                    // a bomb: zeros that pack about 1000:1
                    entries.Add((name, new byte[(1 + pick % 4) * 1024 * 1024]));
                    break;
                case 9:
                    for (var n = 0; n < 100 + pick * 2; n++)
                        entries.Add(($"{name}{n}", [(byte)n]));
                    break;
            }
        }
        using var output = new MemoryStream();
        using (var zip = new ZipArchive(output, ZipArchiveMode.Create, leaveOpen: true))
        {
            foreach (var (name, content) in entries)
            {
                using var stream = zip.CreateEntry(name, (CompressionLevel)(level == 2 ? 0 : level == 1 ? 1 : 2)).Open();
                stream.Write(content);
            }
        }
        var bytes = output.ToArray();
        // Mostly well-formed archives, so the parts are reached; a quarter also have their bytes changed.
        return rawAt == 0 ? Apply(bytes, raw, tokens) : bytes;
    }
}
