using Kaoping.Campaigns;
using Kaoping.Data;
using Kaoping.Data.Entities;
using Kaoping.Data.Identity;
using Kaoping.Text;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;

namespace Kaoping.Web.Services;

public sealed record UserRow(string Id, string UserName, string DisplayName, Role? Role, string? Target);

/// <summary>The office's administration: users with their role and target, targets, and the first administrator.</summary>
public sealed class AdminService(IDbContextFactory<KaopingDbContext> contexts, IServiceScopeFactory scopes, SecurityLog log)
{
    public async Task<bool> AnyAdministratorAsync()
    {
        await using var db = await contexts.CreateDbContextAsync();
        return await (from ur in db.UserRoles join r in db.Roles on ur.RoleId equals r.Id where r.Name == Roles.Admin select ur).AnyAsync();
    }

    public async Task<IReadOnlyList<UserRow>> UsersAsync(CancellationToken cancel = default)
    {
        await using var db = await contexts.CreateDbContextAsync(cancel);
        var list = await db.Users.AsNoTracking().Include(u => u.Target).OrderBy(u => u.UserName).ToListAsync(cancel);
        var roles = await (from ur in db.UserRoles join r in db.Roles on ur.RoleId equals r.Id select new { ur.UserId, r.Name }).ToListAsync(cancel);
        return [.. list.Select(u => new UserRow(u.Id, u.UserName ?? "", u.DisplayName,
            roles.Where(r => r.UserId == u.Id).Select(r => Enum.TryParse<Role>(r.Name, out var role) ? role : (Role?)null).FirstOrDefault(),
            u.Target?.Name))];
    }

    public async Task<List<Target>> TargetsAsync(CancellationToken cancel = default)
    {
        await using var db = await contexts.CreateDbContextAsync(cancel);
        return await db.Targets.AsNoTracking().OrderBy(t => t.Id).ToListAsync(cancel);
    }

    public async Task<Target> AddTargetAsync(string name, string kind, CancellationToken cancel = default)
    {
        name = name.Trim();
        if (name.Length == 0)
            throw new InvalidInputException(new("请填写单位名称。", "the target needs a name."));
        await using var db = await contexts.CreateDbContextAsync(cancel);
        if (await db.Targets.AnyAsync(t => t.Name == name, cancel))
            throw new InvalidInputException(LocalizedText.Format("已有名为“{0}”的被考评单位。", "there is already a target named “{0}”.", name));
        var target = new Target { Name = name, Kind = kind.Trim() };
        db.Targets.Add(target);
        await db.SaveChangesAsync(cancel);
        return target;
    }

    /// <summary>
    /// Creates a user with one role; a reporter must name their target. Nothing is created when anything is wrong. The
    /// security log records who created whom (<paramref name="by"/>: null for the first administrator, who creates themselves).
    /// </summary>
    public async Task<KaopingUser> CreateUserAsync(string userName, string displayName, string password, Role role, int? targetId, string? by = null)
    {
        if (role == Role.Reporter && targetId is null)
            throw new InvalidInputException(new("填报员必须选择所属单位。", "a reporter must belong to a target."));
        // A scope of its own: the user manager and the transaction share its context, which ends with the operation.
        await using var scope = scopes.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<KaopingDbContext>();
        var users = scope.ServiceProvider.GetRequiredService<UserManager<KaopingUser>>();
        if (targetId is { } t && !await db.Targets.AnyAsync(x => x.Id == t))
            throw new InvalidInputException(LocalizedText.Format("没有编号为{0}的被考评单位。", "there is no target {0}.", t));
        var user = new KaopingUser { UserName = userName.Trim(), DisplayName = displayName.Trim(), TargetId = role == Role.Reporter ? targetId : null };
        await using var transaction = await db.Database.BeginTransactionAsync();
        var created = await users.CreateAsync(user, password);
        if (!created.Succeeded)
            throw new InvalidInputException(IdentityErrorText.Of(created.Errors));
        var added = await users.AddToRoleAsync(user, role.ToString());
        if (!added.Succeeded)
            throw new InvalidInputException(new("无法设置角色。", "the role cannot be set."));
        await transaction.CommitAsync();
        await log.RecordAsync(SecurityEventKind.UserCreated, user.UserName, by,
            detail: $"角色：{role.Chinese()}" + (user.TargetId is { } target ? $"；单位编号：{target}" : ""));
        return user;
    }
}
