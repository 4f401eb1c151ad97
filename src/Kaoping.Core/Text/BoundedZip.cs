using System.Globalization;
using System.IO.Compression;

namespace Kaoping.Text;

/// <summary>How far a zip container (Word, Excel) may go: entries, bytes once unpacked, and how tightly an entry may be packed.</summary>
public sealed record ZipLimits(int MaxEntries, long MaxExpandedBytes, int MaxRatio)
{
    /// <summary>An entry smaller than this unpacked is never a bomb, whatever its ratio (a few KB of repeated XML pack 200:1).</summary>
    public const long RatioFloor = 1024 * 1024;
}

/// <summary>
/// A zip read within <see cref="ZipLimits"/>: sizes are counted as the bytes come out, never taken from the headers, so
/// a bomb is refused after at most the limit; a damaged archive is refused as damaged, whatever the library throws.
/// </summary>
public sealed class BoundedZip : IDisposable
{
    private readonly ZipArchive _zip;
    private readonly string _source;
    private readonly ZipLimits _limits;
    private readonly Func<LocalizedText, InvalidInputException> _error;
    private readonly LocalizedText _damaged;
    private readonly byte[] _chunk = new byte[81920];
    private long _expanded;

    private BoundedZip(ZipArchive zip, string source, ZipLimits limits, Func<LocalizedText, InvalidInputException> error, LocalizedText damaged)
    {
        (_zip, _source, _limits, _error, _damaged) = (zip, source, limits, error, damaged);
    }

    public IReadOnlyList<ZipArchiveEntry> Entries => _zip.Entries;

    /// <summary>
    /// Opens the archive; too many entries, or entries declaring more than the limit, are refused before any is unpacked.
    /// <paramref name="damaged"/> is the message for an archive that cannot be read (by default: a damaged archive).
    /// </summary>
    public static BoundedZip Open(
        Stream stream, string source, ZipLimits limits, Func<LocalizedText, InvalidInputException> error, LocalizedText? damaged = null)
    {
        damaged ??= LocalizedText.Format("{0}：文件已损坏（压缩包无法读取）。", "{0}: the file is damaged (its archive cannot be read).", source);
        ZipArchive? zip = null;
        try
        {
            zip = new ZipArchive(stream, ZipArchiveMode.Read, leaveOpen: true);
            var bounded = new BoundedZip(zip, source, limits, error, damaged);
            if (zip.Entries.Count > limits.MaxEntries)
                throw bounded.Refuse("压缩包中有{1}个文件，超过{2}个的上限。", "the archive holds {1} files, more than the limit of {2}.",
                    zip.Entries.Count, limits.MaxEntries);
            long declared = 0;
            foreach (var entry in zip.Entries)
                declared = entry.Length < 0 || declared + entry.Length < declared ? long.MaxValue : declared + entry.Length;
            if (declared > limits.MaxExpandedBytes)
                throw bounded.TooLarge();
            zip = null;
            return bounded;
        }
        catch (Exception e) when (IsDamage(e))
        {
            throw error(damaged);
        }
        finally
        {
            zip?.Dispose();
        }
    }

    /// <summary>The first entry of that name (as the format's readers take it), or null.</summary>
    public ZipArchiveEntry? Find(string name) => _zip.Entries.FirstOrDefault(e => e.FullName == name);

    /// <summary>The entry unpacked, within what is left of the limit.</summary>
    public byte[] Read(ZipArchiveEntry entry)
    {
        using var buffer = new MemoryStream();
        Unpack(entry, chunk => buffer.Write(chunk));
        return buffer.ToArray();
    }

    /// <summary>Unpacks the entry chunk by chunk, each handed to <paramref name="inspect"/>, keeping nothing.</summary>
    public void Unpack(ZipArchiveEntry entry, SpanAction inspect)
    {
        ArgumentNullException.ThrowIfNull(entry);
        try
        {
            using var content = entry.Open();
            long size = 0;
            int n;
            while ((n = content.Read(_chunk, 0, _chunk.Length)) > 0)
            {
                size += n;
                _expanded += n;
                if (_expanded > _limits.MaxExpandedBytes)
                    throw TooLarge();
                if (size > ZipLimits.RatioFloor && size > _limits.MaxRatio * Math.Max(entry.CompressedLength, 1))
                    throw Refuse("其中的“{1}”压缩比超过{2}:1，拒绝读取（可能是压缩炸弹）。",
                        "its entry “{1}” is packed more than {2}:1 and is refused (a zip bomb?).", entry.FullName, _limits.MaxRatio);
                inspect(_chunk.AsSpan(0, n));
            }
        }
        catch (Exception e) when (IsDamage(e))
        {
            throw _error(_damaged);
        }
    }

    public delegate void SpanAction(ReadOnlySpan<byte> chunk);

    public void Dispose() => _zip.Dispose();

    private InvalidInputException TooLarge() =>
        Refuse("解压后超过{1} MB，拒绝读取（可能是压缩炸弹）。", "it unpacks to more than {1} MB and is refused (a zip bomb?).",
            (_limits.MaxExpandedBytes / 1024m / 1024m).ToString("0.#", CultureInfo.InvariantCulture));

    private InvalidInputException Refuse(string zh, string en, params object?[] args) =>
        _error(LocalizedText.Format("{0}：" + zh, "{0}: " + en, [_source, .. args]));

    // What System.IO.Compression throws for archives it cannot read; our own refusals pass through.
    private static bool IsDamage(Exception e) =>
        e is InvalidDataException or NotSupportedException or ArgumentException or IOException;
}
