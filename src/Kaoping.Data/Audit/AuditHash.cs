using System.Buffers.Binary;
using System.Globalization;
using System.Text;
using Org.BouncyCastle.Crypto.Digests;

namespace Kaoping.Data.Audit;

/// <summary>
/// The hash of one link of an audit chain: SM3 (GB/T 32905) over the predecessor's hash and a canonical encoding of the
/// entry's content. The encoding is a tag naming the chain and its format, then each field as a presence byte, a
/// big-endian length and its UTF-8 bytes, so no two contents encode alike. Times count whole microseconds since
/// 0001-01-01 UTC (what PostgreSQL keeps), so an entry hashes the same before and after the database stored it.
/// </summary>
public sealed class AuditHash
{
    /// <summary>The predecessor of a chain's first entry.</summary>
    public const string Genesis = "0000000000000000000000000000000000000000000000000000000000000000";

    private readonly SM3Digest _digest = new();
    private readonly byte[] _length = new byte[4];

    private AuditHash(string? previous, string tag)
    {
        var bytes = Convert.FromHexString(previous ?? Genesis);
        _digest.BlockUpdate(bytes, 0, bytes.Length);
        Add(tag);
    }

    /// <summary>A link after <paramref name="previous"/> (null for the first) of the chain the tag names; add the fields in order.</summary>
    public static AuditHash After(string? previous, string tag) => new(previous, tag);

    public AuditHash Add(string? text)
    {
        if (text is null)
        {
            _digest.Update(0);
            return this;
        }
        var bytes = Encoding.UTF8.GetBytes(text);
        _digest.Update(1);
        BinaryPrimitives.WriteInt32BigEndian(_length, bytes.Length);
        _digest.BlockUpdate(_length, 0, 4);
        _digest.BlockUpdate(bytes, 0, bytes.Length);
        return this;
    }

    public AuditHash Add(long? number) => Add(number?.ToString(CultureInfo.InvariantCulture));

    public AuditHash Add(DateTimeOffset at) => Add(Microseconds(at));

    /// <summary>The link's hash, 64 lower-case hex digits.</summary>
    public string Hex()
    {
        var result = new byte[_digest.GetDigestSize()];
        _digest.DoFinal(result, 0);
        return Convert.ToHexStringLower(result);
    }

    /// <summary>A time as the database keeps it: whole microseconds (PostgreSQL's precision), in UTC.</summary>
    public static DateTimeOffset Stored(DateTimeOffset at) => new(at.UtcTicks - at.UtcTicks % 10, TimeSpan.Zero);

    private static long Microseconds(DateTimeOffset at) => at.UtcTicks / 10;
}
