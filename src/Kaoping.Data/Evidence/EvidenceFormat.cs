using System.Buffers.Binary;
using Kaoping.Text;
using Org.BouncyCastle.Crypto;
using Org.BouncyCastle.Crypto.Engines;
using Org.BouncyCastle.Crypto.Modes;
using Org.BouncyCastle.Crypto.Parameters;

namespace Kaoping.Data.Evidence;

/// <summary>
/// How an encrypted evidence file is laid out. A 20-byte header — <c>KPS4</c>, version 1, the chunk size as a power of
/// two, two zero bytes, the key's check value (4 bytes) and a random nonce prefix (8 bytes) — then the content in chunks
/// of 64 KiB, each sealed with SM4-GCM (a 16-byte tag) under the nonce prefix and the chunk's number, with the header and
/// whether it is the last chunk as associated data: a chunk changed, moved, dropped or cut off fails its tag. Each chunk
/// is checked before a byte of it is given out. No allowed evidence kind (PDF, PNG, JPEG, GIF, WebP, Office) begins with
/// <c>KPS4</c>, so a file without the header is a plain one stored before encryption was turned on.
/// </summary>
public static class EvidenceFormat
{
    public const int HeaderLength = 20;
    public const int ChunkBits = 16;
    public const int ChunkSize = 1 << ChunkBits;
    public const int TagLength = 16;
    public const int SealedChunk = ChunkSize + TagLength;
    private const byte Version = 1;

    private static ReadOnlySpan<byte> Magic => "KPS4"u8;

    public static byte[] NewHeader(EvidenceKey key)
    {
        var header = new byte[HeaderLength];
        Magic.CopyTo(header);
        header[4] = Version;
        header[5] = ChunkBits;
        key.CheckValue.CopyTo(header, 8);
        System.Security.Cryptography.RandomNumberGenerator.Fill(header.AsSpan(12, 8));
        return header;
    }

    public static bool HasMagic(ReadOnlySpan<byte> start) => start.Length >= Magic.Length && start[..Magic.Length].SequenceEqual(Magic);

    /// <summary>Refuses a header this version cannot read, or one made with another key (or none configured).</summary>
    public static void CheckHeader(ReadOnlySpan<byte> header, EvidenceKey? key)
    {
        if (header.Length < HeaderLength || header[4] != Version || header[5] != ChunkBits || header[6] != 0 || header[7] != 0)
            throw new EvidenceCipherException(new("加密文件的头部无法识别（版本或格式不符），文件可能已损坏或被改动。",
                "the encrypted file's header is not recognised (version or layout); the file may be damaged or changed."));
        if (key is null)
            throw new EvidenceCipherException(new($"文件已加密，但没有设置 {EvidenceKey.Setting}，无法解密。",
                $"the file is encrypted but {EvidenceKey.Setting} is not set, so it cannot be decrypted."));
        if (!header.Slice(8, 4).SequenceEqual(key.CheckValue))
            throw new EvidenceCipherException(new($"文件是用另一个密钥加密的（密钥校验值不符）：请检查 {EvidenceKey.Setting}。",
                $"the file was encrypted with another key (the key check value differs): check {EvidenceKey.Setting}."));
    }

    /// <summary>Seals or opens one chunk; the output is the chunk with its tag (sealing) or without it (opening).</summary>
    public static int Process(bool seal, EvidenceKey key, byte[] header, long chunk, bool last, byte[] input, int length, byte[] output)
    {
        var nonce = new byte[12];
        header.AsSpan(12, 8).CopyTo(nonce);
        BinaryPrimitives.WriteUInt32BigEndian(nonce.AsSpan(8), checked((uint)chunk));
        var associated = new byte[HeaderLength + 1];
        header.AsSpan(0, HeaderLength).CopyTo(associated);
        associated[HeaderLength] = last ? (byte)1 : (byte)0;
        var gcm = new GcmBlockCipher(new SM4Engine());
        gcm.Init(seal, new AeadParameters(key.Parameter, TagLength * 8, nonce, associated));
        try
        {
            var written = gcm.ProcessBytes(input, 0, length, output, 0);
            return written + gcm.DoFinal(output, written);
        }
        catch (InvalidCipherTextException)
        {
            throw new EvidenceCipherException(LocalizedText.Format(
                "加密文件第{0}块未通过认证——文件被改动、截断或调换了内容。",
                "chunk {0} of the encrypted file fails its authentication — the file was changed, cut off or rearranged.", chunk + 1));
        }
    }
}

/// <summary>An encrypted evidence file that cannot be read: another key, none configured, or changed bytes.</summary>
public sealed class EvidenceCipherException(LocalizedText reason) : System.Security.Cryptography.CryptographicException(reason.En)
{
    public LocalizedText Reason { get; } = reason;
}
