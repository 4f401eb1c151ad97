using Kaoping.Text;
using Org.BouncyCastle.Crypto.Engines;
using Org.BouncyCastle.Crypto.Parameters;

namespace Kaoping.Data.Evidence;

/// <summary>
/// The SM4 key evidence files are encrypted with (<c>Kaoping:Evidence:EncryptionKey</c>, base64 of 16 bytes), and its
/// check value: the first 4 bytes of SM4 over a zero block, kept in each file's header so that a file encrypted with
/// another key is told apart from a changed one.
/// </summary>
public sealed class EvidenceKey
{
    public const string Setting = "Kaoping:Evidence:EncryptionKey";

    private readonly byte[] _key;

    private EvidenceKey(byte[] key)
    {
        _key = key;
        var engine = new SM4Engine();
        engine.Init(true, new KeyParameter(key));
        var block = new byte[16];
        engine.ProcessBlock(block, 0, block, 0);
        CheckValue = block[..4];
    }

    public byte[] CheckValue { get; }

    internal KeyParameter Parameter => new(_key);

    /// <summary>Null when not configured; a key that is not base64 of 16 bytes throws, naming the setting.</summary>
    public static EvidenceKey? Parse(string? base64)
    {
        if (string.IsNullOrWhiteSpace(base64))
            return null;
        var bytes = new byte[32];
        if (!Convert.TryFromBase64String(base64.Trim(), bytes, out var length) || length != 16)
        {
            throw new InvalidInputException(new($"{Setting} 应为16字节密钥的 base64（例如 openssl rand -base64 16 的输出）。",
                $"{Setting} must be the base64 of a 16-byte key (such as the output of openssl rand -base64 16)."));
        }
        return new EvidenceKey(bytes[..16]);
    }
}
