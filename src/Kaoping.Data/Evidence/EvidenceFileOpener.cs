namespace Kaoping.Data.Evidence;

/// <summary>Opens a stored evidence file for its plaintext: decrypted when it has the header, as it is when it is a plain (older) file.</summary>
public static class EvidenceFileOpener
{
    /// <summary>Throws <see cref="EvidenceCipherException"/> for an encrypted file this key cannot read; IO exceptions as a file would.</summary>
    public static Stream OpenRead(string path, EvidenceKey? key)
    {
        var file = new FileStream(path, FileMode.Open, FileAccess.Read, FileShare.Read, 81920, FileOptions.Asynchronous);
        try
        {
            Span<byte> start = stackalloc byte[4];
            var read = file.ReadAtLeast(start, start.Length, throwOnEndOfStream: false);
            file.Position = 0;
            return EvidenceFormat.HasMagic(start[..read]) ? new EvidenceReadStream(file, key) : file;
        }
        catch
        {
            file.Dispose();
            throw;
        }
    }
}
