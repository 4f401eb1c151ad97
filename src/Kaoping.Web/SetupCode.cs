using System.Security.Cryptography;
using System.Text;

namespace Kaoping.Web;

/// <summary>
/// The one-time code the first-run setup asks for: whoever creates the first administrator must have read it in the
/// server's log, so reaching the page is not enough. Made anew at every start; it no longer matters once an
/// administrator exists.
/// </summary>
public sealed class SetupCode
{
    // Without 0/O, 1/I/L: read off a console and typed by hand.
    private const string Alphabet = "23456789ABCDEFGHJKMNPQRSTUVWXYZ";

    public SetupCode()
    {
        var code = new StringBuilder();
        for (var i = 0; i < 12; i++)
        {
            if (i > 0 && i % 4 == 0)
                code.Append('-');
            code.Append(Alphabet[RandomNumberGenerator.GetInt32(Alphabet.Length)]);
        }
        Value = code.ToString();
    }

    public string Value { get; }

    /// <summary>Whether <paramref name="typed"/> is the code, case and dashes aside, compared in constant time.</summary>
    public bool Matches(string? typed)
    {
        var normal = (typed ?? "").Replace("-", "", StringComparison.Ordinal).Replace(" ", "", StringComparison.Ordinal).ToUpperInvariant();
        var expected = Value.Replace("-", "", StringComparison.Ordinal);
        return CryptographicOperations.FixedTimeEquals(Encoding.ASCII.GetBytes(normal), Encoding.ASCII.GetBytes(expected));
    }
}
