using System.Collections.Frozen;
using Kaoping.Data.Entities;
using Kaoping.Text;
using Microsoft.AspNetCore.Identity;

namespace Kaoping.Data.Identity;

/// <summary>
/// The password rules (等保 identity checks): at least 8 characters with three of the four classes (lower case, upper
/// case, digits, others), not containing the user name, and not one of the common passwords shipped with the app.
/// </summary>
public sealed class PasswordRules : IPasswordValidator<KaopingUser>
{
    public const int MinimumLength = 8;

    private static readonly FrozenDictionary<string, LocalizedText> s_texts = new Dictionary<string, LocalizedText>
    {
        ["PasswordTooShort"] = new("密码至少8位", "at least 8 characters"),
        ["PasswordClasses"] = new("密码须包含大写字母、小写字母、数字、其他符号中的至少三类", "three of: lower case, upper case, digits, other characters"),
        ["PasswordContainsUserName"] = new("密码不能包含用户名", "the password must not contain the user name"),
        ["PasswordCommon"] = new("这是常见密码，容易被猜到，请换一个", "a common password, easily guessed: choose another"),
    }.ToFrozenDictionary();

    private static readonly IdentityError s_tooShort = Error("PasswordTooShort");
    private static readonly IdentityError s_classes = Error("PasswordClasses");
    private static readonly IdentityError s_userName = Error("PasswordContainsUserName");
    private static readonly IdentityError s_common = Error("PasswordCommon");

    private readonly FrozenSet<string> _common = ReadCommon();

    public int CommonCount => _common.Count;

    public Task<IdentityResult> ValidateAsync(UserManager<KaopingUser> manager, KaopingUser user, string? password)
    {
        var errors = Check(user.UserName, password ?? "");
        return Task.FromResult(errors.Count == 0 ? IdentityResult.Success : IdentityResult.Failed([.. errors]));
    }

    public IReadOnlyList<IdentityError> Check(string? userName, string password)
    {
        var errors = new List<IdentityError>();
        if (password.Length < MinimumLength)
            errors.Add(s_tooShort);
        var classes = (password.Any(char.IsLower) ? 1 : 0) + (password.Any(char.IsUpper) ? 1 : 0) + (password.Any(char.IsDigit) ? 1 : 0)
            + (password.Any(c => !char.IsLetterOrDigit(c)) ? 1 : 0);
        if (classes < 3)
            errors.Add(s_classes);
        // A name of one or two letters is inside many good passwords: only longer names are looked for.
        if (userName?.Trim() is { Length: >= 3 } name && password.Contains(name, StringComparison.OrdinalIgnoreCase))
            errors.Add(s_userName);
        if (_common.Contains(password))
            errors.Add(s_common);
        return errors;
    }

    /// <summary>The message of an error this validator gives; null for any other error.</summary>
    public static LocalizedText? Text(IdentityError error) => s_texts.GetValueOrDefault(error.Code);

    private static IdentityError Error(string code) => new() { Code = code, Description = s_texts[code].En };

    private static FrozenSet<string> ReadCommon()
    {
        using var stream = typeof(PasswordRules).Assembly.GetManifestResourceStream("Kaoping.Data.common-passwords.txt")
            ?? throw new InvalidOperationException("The list of common passwords is missing from the build.");
        using var reader = new StreamReader(stream);
        var words = new List<string>();
        while (reader.ReadLine() is { } line)
        {
            if (line.Length > 0 && !line.StartsWith('#'))
                words.Add(line.Trim());
        }
        return words.ToFrozenSet(StringComparer.OrdinalIgnoreCase);
    }
}
