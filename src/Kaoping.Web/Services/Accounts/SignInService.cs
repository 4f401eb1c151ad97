using System.Security.Claims;
using Kaoping.Data.Entities;
using Microsoft.AspNetCore.Identity;

namespace Kaoping.Web.Services.Accounts;

/// <summary>How a sign-in ended.</summary>
public abstract record SignInOutcome
{
    public sealed record Succeeded(bool MustChangePassword) : SignInOutcome;

    /// <summary>Wrong user name or password: the same answer, in the same time, for a real and an unknown user.</summary>
    public sealed record Failed : SignInOutcome;

    public sealed record Disabled : SignInOutcome;

    /// <summary>Too many failures from this address (or on this account from it): try again after <see cref="RetryAfter"/>.</summary>
    public sealed record Limited(TimeSpan RetryAfter, bool LockedOut) : SignInOutcome;
}

/// <summary>
/// The one sign-in of the pages and the API. Each success starts a session (<see cref="AccountStates"/>) named in the
/// cookie or token; logout ends it. The account events here — sign-in succeeded, failed, locked out, logout — are
/// each in one method, where the security log is to be written.
/// </summary>
public sealed class SignInService(UserManager<KaopingUser> users, SignInManager<KaopingUser> signIn, IPasswordHasher<KaopingUser> hasher,
    SignInLimits limits, DummyPassword dummy, AccountStates states, SecurityLog security)
{
    public async Task<SignInOutcome> SignInAsync(string userName, string password, string address, string scheme)
    {
        userName = userName.Trim();
        if (limits.Wait(userName, address) is { } wait)
        {
            var locked = limits.IsLocked(userName, address);
            await security.RecordAsync(locked ? SecurityEventKind.LockedOut : SecurityEventKind.SignInFailed, userName, address: address,
                detail: locked ? "已锁定（本地址）" : "失败过多，已限流");
            return new SignInOutcome.Limited(wait, LockedOut: locked);
        }
        var user = userName.Length == 0 ? null : await users.FindByNameAsync(userName);
        bool right;
        if (user is null)
        {
            // An unknown user costs a hash like a known one: the answer's time tells nothing.
            dummy.Verify(hasher, password);
            right = false;
        }
        else
        {
            right = await users.CheckPasswordAsync(user, password);
        }
        if (!right)
            return await FailedAsync(userName, address);
        limits.Succeeded(userName, address);
        if (user!.Disabled)
        {
            await security.RecordAsync(SecurityEventKind.SignInFailed, userName, address: address, detail: "账号已停用");
            return new SignInOutcome.Disabled();
        }
        var session = await states.StartSessionAsync(user.Id);
        signIn.AuthenticationScheme = scheme;
        await signIn.SignInWithClaimsAsync(user, isPersistent: false, [new Claim(AccountClaims.Session, session)]);
        await security.RecordAsync(SecurityEventKind.SignedIn, user.UserName, address: address,
            detail: scheme == IdentityConstants.BearerScheme ? "API" : "网页");
        return new SignInOutcome.Succeeded(user.MustChangePassword);
    }

    /// <summary>Ends the session of the principal wherever it was used, and the cookie of this browser.</summary>
    public async Task SignOutAsync(ClaimsPrincipal principal)
    {
        if (principal.FindFirstValue(AccountClaims.Session) is { } session)
            await states.EndSessionAsync(session);
        if (principal.Identity?.Name is { } name)
            await security.RecordAsync(SecurityEventKind.SignedOut, name);
        await signIn.SignOutAsync();
    }

    /// <summary>Signs the user in again on the same session after their own password change (the stamp changed with it).</summary>
    public async Task RenewAsync(KaopingUser user, ClaimsPrincipal principal)
    {
        if (principal.FindFirstValue(AccountClaims.Session) is not { } session)
            return;
        signIn.AuthenticationScheme = IdentityConstants.ApplicationScheme;
        await signIn.SignInWithClaimsAsync(user, isPersistent: false, [new Claim(AccountClaims.Session, session)]);
    }

    private async Task<SignInOutcome> FailedAsync(string userName, string address)
    {
        limits.Failed(userName, address);
        var locked = limits.IsLocked(userName, address);
        await security.RecordAsync(locked ? SecurityEventKind.LockedOut : SecurityEventKind.SignInFailed, userName, address: address,
            detail: locked ? "连续失败，已锁定（本地址）" : null);
        return new SignInOutcome.Failed();
    }
}

/// <summary>A password hash of no account, checked for unknown users so that they cost what a real user costs.</summary>
public sealed class DummyPassword
{
    private readonly KaopingUser _nobody = new() { UserName = "-" };
    private readonly Lock _lock = new();
    private string? _hash;

    public bool Verify(IPasswordHasher<KaopingUser> hasher, string password)
    {
        // Hashed with the app's own hasher (and its iteration count) the first time it is needed.
        lock (_lock)
            _hash ??= hasher.HashPassword(_nobody, Convert.ToHexString(System.Security.Cryptography.RandomNumberGenerator.GetBytes(16)));
        return hasher.VerifyHashedPassword(_nobody, _hash, password) != PasswordVerificationResult.Failed;
    }
}
