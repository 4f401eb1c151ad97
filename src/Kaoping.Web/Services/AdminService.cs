using Kaoping.Campaigns;
using Kaoping.Data;
using Kaoping.Data.Entities;
using Kaoping.Text;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;

namespace Kaoping.Web.Services;

/// <summary>A user as the lists show them: <see cref="Role"/> is the one that counts for the assessment work.</summary>
public sealed record UserRow(string Id, string UserName, string DisplayName, Role? Role, string? Target, IReadOnlyList<Role> Roles, int? TargetId,
    bool Disabled, bool MustChangePassword, string? Email = null, bool EmailOptOut = false);

/// <summary>Users with their roles and target, targets, and whether the first system administrator exists.</summary>
public sealed class AdminService(IDbContextFactory<KaopingDbContext> contexts, SecurityLog security)
{
    /// <summary>The first run is over once there is a system administrator (who creates everyone else).</summary>
    public async Task<bool> AnyAdministratorAsync()
    {
        await using var db = await contexts.CreateDbContextAsync();
        return await (from ur in db.UserRoles join r in db.Roles on ur.RoleId equals r.Id where r.Name == Roles.SystemAdmin select ur).AnyAsync();
    }

    public async Task<IReadOnlyList<UserRow>> UsersAsync(CancellationToken cancel = default)
    {
        await using var db = await contexts.CreateDbContextAsync(cancel);
        var list = await db.Users.AsNoTracking().Include(u => u.Target).OrderBy(u => u.UserName).ToListAsync(cancel);
        var roles = await (from ur in db.UserRoles join r in db.Roles on ur.RoleId equals r.Id select new { ur.UserId, r.Name }).ToListAsync(cancel);
        return [.. list.Select(u =>
        {
            var held = roles.Where(r => r.UserId == u.Id).Select(r => Enum.TryParse<Role>(r.Name, out var role) ? role : (Role?)null).OfType<Role>()
                .Order().ToList();
            return new UserRow(u.Id, u.UserName ?? "", u.DisplayName, held.Count > 0 ? held[0] : null, u.Target?.Name, held, u.TargetId,
                u.Disabled, u.MustChangePassword, u.Email, u.EmailOptOut);
        })];
    }

    public async Task<List<Target>> TargetsAsync(CancellationToken cancel = default)
    {
        await using var db = await contexts.CreateDbContextAsync(cancel);
        return await db.Targets.AsNoTracking().OrderBy(t => t.Id).ToListAsync(cancel);
    }

    /// <summary>
    /// Adds a target, written to the security log. A name already taken, also by an administrator who added it a moment
    /// before (the unique index answers then), is refused naming it.
    /// </summary>
    public async Task<Target> AddTargetAsync(string name, string kind, string? region, string userName, CancellationToken cancel = default)
    {
        name = name.Trim();
        if (name.Length == 0)
            throw new InvalidInputException(new("请填写单位名称。", "the target needs a name."));
        if (name.Length > 100)
            throw new InvalidInputException(new("单位名称不能超过100字。", "the target's name cannot be longer than 100 characters."));
        if (kind.Trim().Length > Spreadsheets.TargetWorkbook.MaxKind)
            throw new InvalidInputException(LocalizedText.Format("类型不能超过{0}字。", "the kind cannot be longer than {0} characters.",
                Spreadsheets.TargetWorkbook.MaxKind));
        region = Regions.Normalize(region);
        if (region is { Length: > Regions.MaxLength })
            throw new InvalidInputException(LocalizedText.Format("所属地区不能超过{0}字。", "the region cannot be longer than {0} characters.", Regions.MaxLength));
        await using var db = await contexts.CreateDbContextAsync(cancel);
        if (await db.Targets.AnyAsync(t => t.Name == name, cancel))
            throw Taken(name);
        var target = new Target { Name = name, Kind = kind.Trim(), Region = region };
        db.Targets.Add(target);
        try
        {
            await db.SaveChangesAsync(cancel);
        }
        catch (DbUpdateException)
        {
            if (await db.Targets.AsNoTracking().AnyAsync(t => t.Name == name, cancel))
                throw Taken(name);
            throw;
        }
        await security.RecordAsync(SecurityEventKind.TargetAdded, null, userName,
            detail: region is null ? name : $"{name}（{region}）", cancel: cancel);
        return target;
    }

    private static InvalidInputException Taken(string name) =>
        new(LocalizedText.Format("已有名为“{0}”的被考评单位。", "there is already a target named “{0}”.", name));
}

internal static class IdentityErrors
{
    public static LocalizedText Text(IdentityError error) => Kaoping.Data.Identity.PasswordRules.Text(error) ?? new(error.Code switch
    {
        "DuplicateUserName" => "用户名已被使用",
        "InvalidUserName" => "用户名只能包含字母和数字",
        "PasswordMismatch" => "当前密码不正确",
        _ => error.Description,
    }, error.Description);
}
