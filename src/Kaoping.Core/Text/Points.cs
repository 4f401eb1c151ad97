using System.Globalization;
using System.Text;

namespace Kaoping.Text;

/// <summary>Reads and writes point values ("1.5分", "０.５", "一分", "半分") exactly, whatever the machine's locale.</summary>
public static class Points
{
    private const string ChineseDigits = "零一二三四五六七八九";

    /// <summary>Formats a point value without trailing zeros: 1, 0.5, 1.25.</summary>
    public static string Format(decimal value) => Normalize(value).ToString(CultureInfo.InvariantCulture);

    /// <summary>Removes trailing zeros so that 1.50 and 1.5 read and print alike.</summary>
    public static decimal Normalize(decimal value) => value.Scale == 0 ? value : value / 1.000000000000000000000000000000000m;

    /// <summary>Parses a number written with ASCII or full-width digits, or small Chinese numerals.</summary>
    public static bool TryParseNumber(string text, out decimal value)
    {
        var s = ToAscii(text).Trim();
        if (s.Length == 0)
        {
            value = 0;
            return false;
        }
        if (IsPlainDecimal(s))
            return decimal.TryParse(s, NumberStyles.AllowDecimalPoint, CultureInfo.InvariantCulture, out value) && Keep(ref value);
        return TryParseChinese(s, out value);
    }

    /// <summary>Parses a points cell or bracket: "1分", "1.5 分", "０．５分", "2".</summary>
    public static bool TryParsePoints(string text, out decimal value)
    {
        var s = text.Trim();
        if (s.EndsWith('分'))
            s = s[..^1].TrimEnd();
        return TryParseNumber(s, out value);
    }

    /// <summary>Full-width digits and dot to ASCII.</summary>
    public static string ToAscii(string text)
    {
        StringBuilder? sb = null;
        for (var i = 0; i < text.Length; i++)
        {
            var c = text[i];
            var mapped = c switch
            {
                >= '０' and <= '９' => (char)('0' + (c - '０')),
                '．' => '.',
                _ => c,
            };
            if (mapped != c)
            {
                sb ??= new StringBuilder(text);
                sb[i] = mapped;
            }
        }
        return sb?.ToString() ?? text;
    }

    private static bool Keep(ref decimal value)
    {
        value = Normalize(value);
        return true;
    }

    private static bool IsPlainDecimal(string s)
    {
        var dots = 0;
        foreach (var c in s)
        {
            if (c == '.')
                dots++;
            else if (c is < '0' or > '9')
                return false;
        }
        return dots <= 1 && s[0] != '.' && s[^1] != '.';
    }

    // 半 = 0.5, 一 … 九十九, and 一点五 = 1.5
    private static bool TryParseChinese(string s, out decimal value)
    {
        value = 0;
        if (s == "半")
        {
            value = 0.5m;
            return true;
        }
        var point = s.IndexOf('点');
        var whole = point < 0 ? s : s[..point];
        if (!TryParseChineseInteger(whole, out var integer))
            return false;
        value = integer;
        if (point < 0)
            return true;
        var fraction = s[(point + 1)..];
        if (fraction.Length == 0)
            return false;
        var scale = 0.1m;
        foreach (var c in fraction)
        {
            var digit = c == '〇' ? 0 : ChineseDigits.IndexOf(c);
            if (digit < 0)
                return false;
            value += digit * scale;
            scale /= 10;
        }
        value = Normalize(value);
        return true;
    }

    private static bool TryParseChineseInteger(string s, out int value)
    {
        value = 0;
        if (s.Length == 0)
            return false;
        if (s.Length == 1)
        {
            value = s == "两" ? 2 : s == "十" ? 10 : ChineseDigits.IndexOf(s[0]);
            return value >= 0 && s != "零" || s == "零";
        }
        var ten = s.IndexOf('十');
        if (ten < 0 || s.LastIndexOf('十') != ten)
            return false;
        var tens = ten == 0 ? 1 : ten == 1 ? ChineseDigits.IndexOf(s[0]) : -1;
        var ones = ten == s.Length - 1 ? 0 : ten == s.Length - 2 ? ChineseDigits.IndexOf(s[^1]) : -1;
        if (tens <= 0 || ones < 0)
            return false;
        value = tens * 10 + ones;
        return true;
    }
}
