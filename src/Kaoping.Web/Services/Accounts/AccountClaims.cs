using System.Security.Claims;
using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Identity;
using Microsoft.Extensions.Options;

namespace Kaoping.Web.Services.Accounts;

/// <summary>
/// Every authenticated principal — from the cookie or a bearer token, on every authentication of every request — is
/// checked against the user's current state: a session that ended or idled out, a changed security stamp (password
/// changed or reset, disabled, roles changed) or a user that is gone leaves the request anonymous (401, or the sign-in
/// page). The roles it carries are replaced by the user's roles in the database; a user who must change their password
/// carries none, only <see cref="MustChangePassword"/>.
/// </summary>
public sealed class AccountClaims(AccountStates states, IOptions<IdentityOptions> identity) : IClaimsTransformation
{
    public const string Session = "kaoping:session";

    public const string MustChangePassword = "kaoping:must-change-password";

    public static ClaimsPrincipal Nobody => new(new ClaimsIdentity());

    public async Task<ClaimsPrincipal> TransformAsync(ClaimsPrincipal principal)
    {
        if (principal.Identities.FirstOrDefault(i => i.IsAuthenticated) is not { } signedIn)
            return principal;
        var state = await CheckAsync(principal, use: true);
        if (state is null)
            return Nobody;
        foreach (var claim in signedIn.Claims.Where(c => c.Type == signedIn.RoleClaimType || c.Type == MustChangePassword).ToList())
            signedIn.RemoveClaim(claim);
        if (state.MustChangePassword)
        {
            signedIn.AddClaim(new Claim(MustChangePassword, "true"));
        }
        else
        {
            foreach (var role in state.Roles)
                signedIn.AddClaim(new Claim(signedIn.RoleClaimType, role.ToString()));
        }
        return principal;
    }

    /// <summary>The state of the principal's user and session, or null when they must be refused.</summary>
    public async ValueTask<AccountState?> CheckAsync(ClaimsPrincipal principal, bool use, CancellationToken cancel = default)
    {
        var userId = principal.FindFirstValue(identity.Value.ClaimsIdentity.UserIdClaimType);
        var session = principal.FindFirstValue(Session);
        if (userId is null || session is null)
            return null;
        return await states.CheckAsync(userId, session, principal.FindFirstValue(identity.Value.ClaimsIdentity.SecurityStampClaimType), use, cancel);
    }
}
