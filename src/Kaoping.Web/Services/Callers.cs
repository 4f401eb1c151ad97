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
        var user = await db.Users.AsNoTracking().FirstOrDefaultAsync(u => u.Id == userId, cancel);
        if (user is null)
            return null;
        var roleNames = await (from ur in db.UserRoles
                               join r in db.Roles on ur.RoleId equals r.Id
                               where ur.UserId == userId
                               select r.Name).ToListAsync(cancel);
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
        var teams = await db.TeamMembers.Where(m => m.UserId == userId).Select(m => m.TeamId).ToListAsync(cancel);
        return new Caller(userId, role.Value, user.TargetId, teams.ToHashSet());
    }
}
