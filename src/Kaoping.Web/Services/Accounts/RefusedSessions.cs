using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Authorization.Policy;

namespace Kaoping.Web.Services.Accounts;

/// <summary>
/// A cookie or token whose session <see cref="AccountClaims"/> refused still authenticates — as nobody. Its request is
/// answered as one without credentials (401, or the sign-in page), not as one by a user who lacks a right (403).
/// </summary>
public sealed class RefusedSessions : IAuthorizationMiddlewareResultHandler
{
    private readonly AuthorizationMiddlewareResultHandler _default = new();

    public Task HandleAsync(RequestDelegate next, HttpContext context, AuthorizationPolicy policy, PolicyAuthorizationResult authorizeResult)
    {
        if (authorizeResult.Forbidden && !context.User.Identities.Any(i => i.IsAuthenticated))
            authorizeResult = PolicyAuthorizationResult.Challenge();
        return _default.HandleAsync(next, context, policy, authorizeResult);
    }
}
