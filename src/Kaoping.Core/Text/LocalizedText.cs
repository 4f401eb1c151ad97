using System.Globalization;

namespace Kaoping.Text;

/// <summary>The languages of Kaoping's messages: Chinese first, English second.</summary>
public enum Language
{
    Zh,
    En,
}

/// <summary>A message in both of Kaoping's languages.</summary>
public sealed record LocalizedText(string Zh, string En)
{
    public string In(Language language) => language switch
    {
        Language.Zh => Zh,
        Language.En => En,
    };

    public override string ToString() => Zh;

    /// <summary>Formats both texts with the invariant culture;
    /// an argument that is itself a <see cref="LocalizedText"/> is taken in the same language.</summary>
    public static LocalizedText Format(string zh, string en, params object?[] args) =>
        new(string.Format(CultureInfo.InvariantCulture, zh, In(args, Language.Zh)),
            string.Format(CultureInfo.InvariantCulture, en, In(args, Language.En)));

    private static object?[] In(object?[] args, Language language) =>
        [.. args.Select(a => a switch
        {
            LocalizedText text => text.In(language),
            decimal d => Points.Format(d),
            _ => a,
        })];
}
