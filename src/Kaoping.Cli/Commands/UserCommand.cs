using Kaoping.Campaigns;
using Kaoping.Data;
using Kaoping.Data.Audit;
using Kaoping.Data.Entities;
using Kaoping.Data.Identity;
using Kaoping.Text;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace Kaoping.Cli.Commands;

/// <summary>
/// <c>kaoping user add USERNAME --role ROLE [--target NAME]</c>: how an IT department makes the first administrator of a
/// PostgreSQL deployment without a browser. The password is one line on standard input; the user is made with the web
/// app's own Identity set-up (<see cref="KaopingIdentity"/>), so they can sign in there at once. The creation is in the
/// security log (actor <c>cli</c>).
/// </summary>
public static class UserCommand
{
    public static int Add(CliArguments cli, TextWriter output, Func<string?> readPassword)
    {
        var userName = cli.Argument(2, "用户名", "user name").Trim();
        var role = RoleNames.Parse(cli.Required("--role"));
        var targetName = cli.Option("--target")?.Trim();
        if (role == Role.Reporter && string.IsNullOrEmpty(targetName))
            throw new UsageException(new("填报员须用 --target 给出所属被考评单位的名称。", "a reporter needs their target's name in --target."));
        var password = readPassword()?.TrimEnd('\r');
        if (string.IsNullOrEmpty(password))
            throw new UsageException(new("请在标准输入中给出密码（一行）。", "give the password as one line on standard input."));
        var (provider, connection) = CliDatabase.Resolve(cli);
        using var services = Services(provider, connection);
        try
        {
            var user = AddAsync(services, userName, password, role, targetName).GetAwaiter().GetResult();
            output.WriteLine(cli.Language == Language.Zh
                ? $"已创建用户 {user.UserName}（{role.Chinese()}）。"
                : $"Created the user {user.UserName} ({role.English()}).");
            return KaopingCli.Ok;
        }
        catch (Exception e) when (CliDatabase.IsDatabaseError(e))
        {
            throw CliDatabase.Unreachable(e);
        }
    }

    private static ServiceProvider Services(DatabaseProvider provider, string connection)
    {
        var services = new ServiceCollection();
        services.AddLogging();
        services.AddDbContext<KaopingDbContext>(o => o.UseKaopingDatabase(provider, connection));
        services.AddKaopingIdentityCore();
        return services.BuildServiceProvider();
    }

    private static async Task<KaopingUser> AddAsync(IServiceProvider services, string userName, string password, Role role, string? targetName)
    {
        await using var scope = services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<KaopingDbContext>();
        if ((await db.Database.GetPendingMigrationsAsync()).Any())
            throw new InvalidInputException(new("数据库尚未创建或不是最新：请先运行 kaoping migrate。",
                "the database is missing or behind: run kaoping migrate first."));
        var users = scope.ServiceProvider.GetRequiredService<UserManager<KaopingUser>>();
        if (await users.FindByNameAsync(userName) is not null)
            throw new InvalidInputException(LocalizedText.Format("已有用户名为“{0}”的用户，未做任何修改。",
                "there is already a user named “{0}”; nothing was changed.", userName));
        int? targetId = null;
        if (role == Role.Reporter)
        {
            targetId = (await db.Targets.FirstOrDefaultAsync(t => t.Name == targetName))?.Id
                ?? throw new InvalidInputException(LocalizedText.Format("没有名为“{0}”的被考评单位。", "there is no target named “{0}”.", targetName));
        }
        await using var transaction = await db.Database.BeginTransactionAsync();
        var roles = scope.ServiceProvider.GetRequiredService<RoleManager<IdentityRole>>();
        if (!await roles.RoleExistsAsync(role.ToString()))
            Check(await roles.CreateAsync(new IdentityRole(role.ToString())));
        var user = new KaopingUser { UserName = userName, DisplayName = userName, TargetId = targetId };
        Check(await users.CreateAsync(user, password));
        Check(await users.AddToRoleAsync(user, role.ToString()));
        // In the same chained security log as the web app's user creations, with the command line as the actor.
        await SecurityLogStore.AppendWithAsync(db, new SecurityEvent
        {
            Kind = SecurityEventKind.UserCreated, UserName = user.UserName, By = "cli", Detail = role.Chinese(), At = DateTimeOffset.UtcNow,
        }, CancellationToken.None);
        await transaction.CommitAsync();
        return user;
    }

    private static void Check(IdentityResult result)
    {
        if (!result.Succeeded)
            throw new InvalidInputException(IdentityErrorText.Of(result.Errors));
    }
}

/// <summary>Role names on the command line: any <see cref="Role"/> by name (case, dashes and underscores aside) or in Chinese.</summary>
public static class RoleNames
{
    public static Role Parse(string text)
    {
        var key = Normal(text);
        foreach (var role in Roles.All)
        {
            if (Normal(role.ToString()) == key || role.Chinese() == text.Trim())
                return role;
        }
        throw new UsageException(LocalizedText.Format("不认识的角色“{0}”，可用：{1}。", "unknown role “{0}”; use one of: {1}.",
            text, string.Join(", ", Roles.All.Select(r => r.ToString().ToLowerInvariant()))));
    }

    private static string Normal(string text) =>
        text.Trim().Replace("-", "", StringComparison.Ordinal).Replace("_", "", StringComparison.Ordinal).ToLowerInvariant();
}
