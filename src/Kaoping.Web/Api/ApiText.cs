using Kaoping.Text;

namespace Kaoping.Web.Api;

/// <summary>Messages of the API in the caller's language: English when Accept-Language asks for it, Chinese otherwise.</summary>
public static class ApiText
{
    public static Language LanguageOf(HttpContext context) =>
        context.Request.Headers.AcceptLanguage.ToString().TrimStart().StartsWith("en", StringComparison.OrdinalIgnoreCase) ? Language.En : Language.Zh;

    public static string In(this LocalizedText text, HttpContext context) => text.In(LanguageOf(context));

    public static Dictionary<string, string[]> Errors(this IReadOnlyDictionary<string, LocalizedText> problems, HttpContext context) =>
        problems.ToDictionary(p => p.Key, p => new[] { p.Value.In(context) });
}
