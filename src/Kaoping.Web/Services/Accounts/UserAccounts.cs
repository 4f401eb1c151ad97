using System.Security.Cryptography;
using Kaoping.Campaigns;
using Kaoping.Data;
using Kaoping.Data.Entities;
using Kaoping.Text;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;

namespace Kaoping.Web.Services.Accounts;

public enum AccountRefusal
{
    /// <summary>No such user (404).</summary>
    NotFound,

    /// <summary>Not allowed, e.g. one's own roles (403).</summary>
    NotAllowed,

    /// <summary>Bad input (400).</summary>
    Invalid,
}

public sealed class AccountRefusedException(AccountRefusal refusal, LocalizedText text) : Exception(text.En)
{
    public AccountRefusal Refusal { get; } = refusal;

    public LocalizedText Text { get; } = text;
}

public sealed record NewUser(string UserName, string DisplayName, string Password, IReadOnlyCollection<Role> Roles, int? TargetId, string? Email = null);

/// <summary>
/// The system administrator's work on accounts and everyone's own password. Each account event — created, changed,
/// role changed, disabled, enabled, password reset, password changed — is one method here, where the security log
/// is to be written. The actor is always the signed-in user: nobody changes their own roles or disables themselves.
/// Whatever changes a user forgets what this node kept of them, so their sessions see it at their next request.
/// </summary>
public sealed class UserAccounts(IServiceScopeFactory scopes, AccountStates states, Callers callers, TimeProvider clock, SecurityLog security)
{
    /// <summary>Creates a user. An initial password set by someone else must be changed at the first sign-in.</summary>
    public async Task<KaopingUser> CreateAsync(NewUser input, bool chosenByUser = false, string? actorId = null)
    {
        var roles = RoleSet.Check(input.Roles, input.TargetId);
        await using var scope = scopes.CreateAsyncScope();
        var (db, users) = Resolve(scope);
        if (input.TargetId is { } t && !await db.Targets.AnyAsync(x => x.Id == t))
            throw Invalid(LocalizedText.Format("没有编号为{0}的被考评单位。", "there is no target {0}.", t));
        var user = new KaopingUser
        {
            UserName = input.UserName.Trim(), DisplayName = input.DisplayName.Trim(), CreatedAt = clock.GetUtcNow(),
            TargetId = roles.Contains(Role.Reporter) ? input.TargetId : null, MustChangePassword = !chosenByUser,
        };
        SetEmail(users, user, input.Email);
        await using var transaction = await db.Database.BeginTransactionAsync();
        Succeed(await users.CreateAsync(user, input.Password));
        Succeed(await users.AddToRolesAsync(user, roles.Select(r => r.ToString())));
        await transaction.CommitAsync();
        await security.RecordAsync(SecurityEventKind.UserCreated, user.UserName, await NameOfAsync(users, actorId), detail: RoleText(roles));
        return user;
    }

    /// <summary>
    /// Changes a user's name, roles, target and (unless <paramref name="email"/> is null; empty clears it) e-mail address.
    /// Changing roles ends the user's sessions' trust in them at once.
    /// </summary>
    public async Task UpdateAsync(string actorId, string id, string displayName, IReadOnlyCollection<Role> roles, int? targetId, string? email = null)
    {
        var wanted = RoleSet.Check(roles, targetId);
        await using var scope = scopes.CreateAsyncScope();
        var (db, users) = Resolve(scope);
        var user = await FindAsync(users, id);
        var current = (await users.GetRolesAsync(user)).Select(n => Enum.TryParse<Role>(n, out var r) ? r : (Role?)null).OfType<Role>().ToHashSet();
        var rolesChange = !current.SetEquals(wanted);
        if (rolesChange && actorId == id)
            throw new AccountRefusedException(AccountRefusal.NotAllowed, new("不能更改自己的角色。", "nobody changes their own roles."));
        if (targetId is { } t && !await db.Targets.AnyAsync(x => x.Id == t))
            throw Invalid(LocalizedText.Format("没有编号为{0}的被考评单位。", "there is no target {0}.", t));
        await using var transaction = await db.Database.BeginTransactionAsync();
        user.DisplayName = displayName.Trim();
        user.TargetId = wanted.Contains(Role.Reporter) ? targetId : null;
        SetEmail(users, user, email);
        Succeed(await users.UpdateAsync(user));
        if (rolesChange)
            await ChangeRolesAsync(users, user, current, wanted);
        await transaction.CommitAsync();
        Forget(id);
        var by = await NameOfAsync(users, actorId);
        await security.RecordAsync(SecurityEventKind.UserChanged, user.UserName, by);
        if (rolesChange)
            await security.RecordAsync(SecurityEventKind.RoleChanged, user.UserName, by, detail: $"{RoleText(current)} → {RoleText(wanted)}");
    }

    /// <summary>
    /// Sets the address mail goes to, checked first. Set directly rather than by <c>SetEmailAsync</c>, which would change
    /// the security stamp and so end the user's sessions for an address.
    /// </summary>
    private static void SetEmail(UserManager<KaopingUser> users, KaopingUser user, string? email)
    {
        if (email is null)
            return;
        var address = email.Trim();
        if (address.Length > 0 && (address.Length > 256 || !System.Net.Mail.MailAddress.TryCreate(address, out var parsed) || parsed.Address != address))
        {
            throw Invalid(LocalizedText.Format("邮箱地址“{0}”格式不正确。", "the e-mail address “{0}” is not valid.",
                address.Length > 60 ? address[..60] + "…" : address));
        }
        user.Email = address.Length == 0 ? null : address;
        user.NormalizedEmail = user.Email is null ? null : users.NormalizeEmail(user.Email);
        user.EmailConfirmed = false;
    }

    /// <summary>A disabled user cannot sign in, and every session they have is refused (on this node at once).</summary>
    public async Task DisableAsync(string actorId, string id)
    {
        if (actorId == id)
            throw new AccountRefusedException(AccountRefusal.NotAllowed, new("不能停用自己的账号。", "nobody disables their own account."));
        var name = await SetDisabledAsync(id, disabled: true);
        await states.EndSessionsOfAsync(id);
        Forget(id);
        await security.RecordAsync(SecurityEventKind.UserDisabled, name, await ActorNameAsync(actorId));
    }

    public async Task EnableAsync(string actorId, string id)
    {
        if (actorId == id)
            throw new AccountRefusedException(AccountRefusal.NotAllowed, new("不能启用自己的账号。", "nobody enables their own account."));
        var name = await SetDisabledAsync(id, disabled: false);
        Forget(id);
        await security.RecordAsync(SecurityEventKind.UserEnabled, name, await ActorNameAsync(actorId));
    }

    /// <summary>
    /// Sets a temporary password (the one given, or a new random one, returned) that must be changed at the next sign-in;
    /// every session of the user ends.
    /// </summary>
    public async Task<string> ResetPasswordAsync(string actorId, string id, string? password)
    {
        if (actorId == id)
            throw new AccountRefusedException(AccountRefusal.NotAllowed, new("请在“修改密码”中修改自己的密码。", "change your own password under “Change password”."));
        await using var scope = scopes.CreateAsyncScope();
        var (_, users) = Resolve(scope);
        var user = await FindAsync(users, id);
        var temporary = password is { Length: > 0 } given ? given : Temporary();
        var token = await users.GeneratePasswordResetTokenAsync(user);
        user.MustChangePassword = true; // saved with the password, which also changes the security stamp
        Succeed(await users.ResetPasswordAsync(user, token, temporary));
        await states.EndSessionsOfAsync(id);
        Forget(id);
        await security.RecordAsync(SecurityEventKind.PasswordReset, user.UserName, await NameOfAsync(users, actorId));
        return temporary;
    }

    /// <summary>One's own password, with the current one. The user's other sessions are refused from now on.</summary>
    public async Task<KaopingUser> ChangeOwnPasswordAsync(string userId, string currentPassword, string newPassword)
    {
        await using var scope = scopes.CreateAsyncScope();
        var (_, users) = Resolve(scope);
        var user = await FindAsync(users, userId);
        if (currentPassword == newPassword)
            throw Invalid(new("新密码不能与当前密码相同。", "the new password must differ from the current one."));
        user.MustChangePassword = false; // saved with the password, which also changes the security stamp
        var changed = await users.ChangePasswordAsync(user, currentPassword, newPassword);
        if (changed.Errors.Any(e => e.Code == "PasswordMismatch"))
            throw Invalid(new("当前密码不正确。", "the current password is not right."));
        Succeed(changed);
        Forget(userId);
        await security.RecordAsync(SecurityEventKind.PasswordChanged, user.UserName);
        return user;
    }

    private async Task<string?> SetDisabledAsync(string id, bool disabled)
    {
        await using var scope = scopes.CreateAsyncScope();
        var (_, users) = Resolve(scope);
        var user = await FindAsync(users, id);
        user.Disabled = disabled;
        Succeed(await users.UpdateSecurityStampAsync(user)); // saves the user with a new stamp
        return user.UserName;
    }

    // Who did it, for the security log: the actor's user name.
    /// <summary>Roles as the security log shows them to the auditor: in Chinese (安委办管理员、领导).</summary>
    private static string RoleText(IEnumerable<Role> roles) => string.Join("、", roles.Select(r => r.Chinese()));

    private static async Task<string?> NameOfAsync(UserManager<KaopingUser> users, string? actorId) =>
        actorId is null ? null : (await users.FindByIdAsync(actorId))?.UserName ?? actorId;

    private async Task<string?> ActorNameAsync(string actorId)
    {
        await using var scope = scopes.CreateAsyncScope();
        return await NameOfAsync(Resolve(scope).Item2, actorId);
    }

    private static async Task ChangeRolesAsync(UserManager<KaopingUser> users, KaopingUser user, HashSet<Role> current, IReadOnlySet<Role> wanted)
    {
        Succeed(await users.RemoveFromRolesAsync(user, current.Except(wanted).Select(r => r.ToString())));
        Succeed(await users.AddToRolesAsync(user, wanted.Except(current).Select(r => r.ToString())));
        Succeed(await users.UpdateSecurityStampAsync(user));
    }

    private void Forget(string id)
    {
        states.Forget(id);
        callers.Forget(id);
    }

    private static (KaopingDbContext, UserManager<KaopingUser>) Resolve(AsyncServiceScope scope) =>
        (scope.ServiceProvider.GetRequiredService<KaopingDbContext>(), scope.ServiceProvider.GetRequiredService<UserManager<KaopingUser>>());

    private static async Task<KaopingUser> FindAsync(UserManager<KaopingUser> users, string id) =>
        await users.FindByIdAsync(id) ?? throw new AccountRefusedException(AccountRefusal.NotFound, new("没有这个用户。", "there is no such user."));

    private static AccountRefusedException Invalid(LocalizedText text) => new(AccountRefusal.Invalid, text);

    private static void Succeed(IdentityResult result)
    {
        if (!result.Succeeded)
        {
            var errors = result.Errors.DistinctBy(e => e.Code).Select(IdentityErrors.Text).ToList();
            throw Invalid(new(string.Join("；", errors.Select(e => e.Zh)), string.Join("; ", errors.Select(e => e.En))));
        }
    }

    // 14 characters from all four classes, without look-alikes (0/O, 1/l/I).
    internal static string Temporary()
    {
        const string lower = "abcdefghijkmnpqrstuvwxyz", upper = "ABCDEFGHJKLMNPQRSTUVWXYZ", digits = "23456789", other = "@#%+=?";
        var all = lower + upper + digits + other;
        var chars = new List<char> { Pick(lower), Pick(upper), Pick(digits), Pick(other) };
        while (chars.Count < 14)
            chars.Add(Pick(all));
        RandomNumberGenerator.Shuffle(System.Runtime.InteropServices.CollectionsMarshal.AsSpan(chars));
        return new string([.. chars]);

        static char Pick(string from) => from[RandomNumberGenerator.GetInt32(from.Length)];
    }
}

/// <summary>Which roles one user may hold (三员分立): one role, or — kept from before the separation — the office's with the system administrator's.</summary>
public static class RoleSet
{
    public static IReadOnlySet<Role> Check(IReadOnlyCollection<Role> roles, int? targetId)
    {
        var set = roles.ToHashSet();
        if (set.Count == 0)
            throw new AccountRefusedException(AccountRefusal.Invalid, new("请选择角色。", "choose a role."));
        if (set.Count > 1 && !set.SetEquals([Role.Admin, Role.SystemAdmin]))
            throw new AccountRefusedException(AccountRefusal.Invalid, new("一个用户只能有一个角色（三员分立）。", "a user holds one role (separation of duties)."));
        if (set.Contains(Role.Reporter) && targetId is null)
            throw new AccountRefusedException(AccountRefusal.Invalid, new("填报员必须选择所属单位。", "a reporter must belong to a target."));
        return set;
    }
}
