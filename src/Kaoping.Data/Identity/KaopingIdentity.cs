using Kaoping.Data.Entities;
using Microsoft.AspNetCore.Identity;
using Microsoft.Extensions.DependencyInjection;

namespace Kaoping.Data.Identity;

/// <summary>
/// The Identity set-up the web app and <c>kaoping user add</c> share: the same password rules, hasher and user store,
/// so a user made on the command line signs in to the web app.
/// </summary>
public static class KaopingIdentity
{
    public static void Configure(IdentityOptions o)
    {
        // The rules are PasswordRules'; Identity's own check only refuses an empty password.
        o.Password.RequiredLength = 1;
        o.Password.RequireNonAlphanumeric = false;
        o.Password.RequireUppercase = false;
        o.Password.RequireLowercase = false;
        o.Password.RequireDigit = false;
        o.Password.RequiredUniqueChars = 1;
        // No lockout of the whole account, which anyone could cause: the web app's SignInLimits locks an account for one address.
        o.Lockout.AllowedForNewUsers = false;
        o.User.RequireUniqueEmail = false;
    }

    /// <summary>Users and roles in <see cref="KaopingDbContext"/>, with the options above and <see cref="PasswordRules"/>.</summary>
    public static IdentityBuilder AddKaopingIdentityCore(this IServiceCollection services)
    {
        services.AddSingleton<PasswordRules>();
        services.AddSingleton<IPasswordValidator<KaopingUser>>(s => s.GetRequiredService<PasswordRules>());
        return services.AddIdentityCore<KaopingUser>(Configure).AddRoles<IdentityRole>().AddEntityFrameworkStores<KaopingDbContext>();
    }
}

/// <summary>Identity's refusals in the user's language.</summary>
public static class IdentityErrorText
{
    public static Text.LocalizedText Of(IEnumerable<IdentityError> errors)
    {
        var list = errors.ToList();
        return new(string.Join("；", list.Select(Chinese)), string.Join("; ", list.Select(e => e.Description)));
    }

    public static string Chinese(IdentityError error) => error.Code switch
    {
        "DuplicateUserName" => "用户名已被使用",
        "InvalidUserName" => "用户名只能包含字母和数字",
        "PasswordTooShort" => "密码至少8位",
        "PasswordRequiresDigit" => "密码须包含数字",
        "PasswordRequiresLower" => "密码须包含小写字母",
        _ => error.Description,
    };
}
