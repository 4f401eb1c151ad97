using System.Security.Claims;
using Kaoping.Campaigns;
using Kaoping.Data;
using Microsoft.EntityFrameworkCore;

namespace Kaoping.Web.Services;

/// <summary>Builds the <see cref="Caller"/> of a request or circuit from its user: role, target, teams — always from the database.</summary>
public sealed class Callers(KaopingDbContext db)
{
    public async Task<Caller?> FromAsync(ClaimsPrincipal principal, CancellationToken cancel = default)
    {
        var userId = principal.FindFirstValue(ClaimTypes.NameIdentifier);
        if (userId is null)
            return null;
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
