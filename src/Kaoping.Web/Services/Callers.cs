using System.Security.Claims;
using Kaoping.Campaigns;
using Kaoping.Data;
using Kaoping.Web.Services.Nodes;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Caching.Memory;

namespace Kaoping.Web.Services;

/// <summary>
/// Builds the <see cref="Caller"/> of a request or circuit from its user: role, target, teams — read from the database,
/// and kept for a few seconds because every API call needs it. Changes to a user's teams forget it at once on every node.
/// </summary>
public sealed class Callers(IDbContextFactory<KaopingDbContext> contexts, IMemoryCache cache, NodeMessages nodes)
{
    private static readonly TimeSpan s_keep = TimeSpan.FromSeconds(5);

    /// <summary>The user's teams or roles changed: forgotten here and on every other node.</summary>
    public void Forget(string userId)
    {
        ForgetHere(cache, userId);
        nodes.Post(NodeChannels.Users, "u " + userId);
    }

    internal static void ForgetHere(IMemoryCache cache, string userId) => cache.Remove(Key(userId));

    private static string Key(string userId) => "caller:" + userId;

    public async Task<Caller?> FromAsync(ClaimsPrincipal principal, CancellationToken cancel = default)
    {
        var userId = principal.FindFirstValue(ClaimTypes.NameIdentifier);
        if (userId is null)
            return null;
        if (cache.TryGetValue(Key(userId), out Caller? known))
            return known;
        var caller = await LoadAsync(userId, cancel);
        if (caller is not null)
            cache.Set(Key(userId), caller, s_keep);
        return caller;
    }

    private async Task<Caller?> LoadAsync(string userId, CancellationToken cancel)
    {
        await using var db = await contexts.CreateDbContextAsync(cancel);
        var user = await db.Users.AsNoTracking().Where(u => u.Id == userId)
            .Select(u => new
            {
                u.TargetId,
                Roles = (from ur in db.UserRoles join r in db.Roles on ur.RoleId equals r.Id where ur.UserId == u.Id select r.Name).ToList(),
                Teams = db.TeamMembers.Where(m => m.UserId == u.Id).Select(m => m.TeamId).ToList(),
            })
            .FirstOrDefaultAsync(cancel);
        if (user is null)
            return null;
        var roleNames = user.Roles;
        // A user holds one role; should several be given, the most powerful counts.
        Role? role = null;
        foreach (var candidate in Roles.All)
        {
            if (roleNames.Contains(candidate.ToString()))
            {
                role = candidate;
                break;
            }
        }
        if (role is null)
            return null;
        return new Caller(userId, role.Value, user.TargetId, user.Teams.ToHashSet());
    }
}
