using System.Security.Cryptography;

namespace Kaoping.Data.Audit;

/// <summary>Where an evidence file lives under the evidence directory (named by its SHA-256), and the hash of what is there.</summary>
public static class EvidenceFiles
{
    public static string PathOf(string directory, string sha256)
    {
        if (sha256.Length != 64 || !sha256.All(char.IsAsciiHexDigitLower))
            throw new ArgumentException("Not a SHA-256.", nameof(sha256));
        return Path.Combine(directory, sha256[..2], sha256);
    }

    /// <summary>The SHA-256 of the stream's content from where it is to its end, lower-case hex.</summary>
    public static async Task<string> Sha256Async(Stream content, CancellationToken cancel) =>
        Convert.ToHexStringLower(await SHA256.HashDataAsync(content, cancel));
}
