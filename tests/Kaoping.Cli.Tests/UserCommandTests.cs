using Kaoping.Data;
using Kaoping.Data.Entities;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;

namespace Kaoping.Cli.Tests;

public class UserCommandTests
{
    private const string Password = "Strong#Pass2026";

    private static string MigratedDatabase()
    {
        var connection = "Data Source=" + Path.Combine(Path.GetTempPath(), "kaoping-user-" + Guid.NewGuid().ToString("N") + ".db");
        Assert.Equal(0, CliRun.Of("migrate", "--connection", connection).ExitCode);
        return connection;
    }

    [Theory]
    [InlineData("admin", "Admin")]
    [InlineData("ASSESSOR", "Assessor")]
    [InlineData("Leader", "Leader")]
    [InlineData("领导", "Leader")]
    public void Add_StoresTheUserWithTheRole_AndAPasswordIdentityAccepts(string roleText, string roleName)
    {
        var connection = MigratedDatabase();

        var run = CliRun.WithInput(Password, "user", "add", "it-admin", "--role", roleText, "--connection", connection);

        Assert.Equal(0, run.ExitCode);
        Assert.Equal("", run.Err);
        Assert.Contains("已创建用户 it-admin", run.Out);
        using var db = DatabaseSetup.CreateContext(DatabaseProvider.Sqlite, connection);
        var user = db.Users.Single(u => u.NormalizedUserName == "IT-ADMIN");
        Assert.DoesNotContain(Password, user.PasswordHash);
        Assert.NotEqual(PasswordVerificationResult.Failed, new PasswordHasher<KaopingUser>().VerifyHashedPassword(user, user.PasswordHash!, Password));
        var roles = (from ur in db.UserRoles join r in db.Roles on ur.RoleId equals r.Id where ur.UserId == user.Id select r.Name).ToList();
        Assert.Equal([roleName], roles);
    }

    [Fact]
    public void Add_RecordsTheCreationInTheChainedSecurityLog_WithTheCliAsTheActor()
    {
        var connection = MigratedDatabase();

        var run = CliRun.WithInput(Password, "user", "add", "it-admin", "--role", "systemadmin", "--connection", connection);

        Assert.Equal(0, run.ExitCode);
        using (var db = DatabaseSetup.CreateContext(DatabaseProvider.Sqlite, connection))
        {
            var created = Assert.Single(db.SecurityLog.AsNoTracking().ToList());
            Assert.Equal(SecurityEventKind.UserCreated, created.Kind);
            Assert.Equal("it-admin", created.UserName);
            Assert.Equal("cli", created.By);
            Assert.Equal("系统管理员", created.Detail); // as the web app writes roles, in Chinese
            Assert.Equal(created.Hash, db.SecurityLogHeads.AsNoTracking().Single().Hash);
        }
        var verify = CliRun.Of("audit", "verify", "--connection", connection, "--evidence", Path.GetTempPath() + Guid.NewGuid().ToString("N"));
        Assert.Equal(0, verify.ExitCode);
        Assert.Contains("1条安全事件", verify.Out);
    }

    [Fact]
    public void Add_AnExistingUserName_IsRefusedAndChangesNothing()
    {
        var connection = MigratedDatabase();
        CliRun.WithInput(Password, "user", "add", "it-admin", "--role", "admin", "--connection", connection);

        var again = CliRun.WithInput("Another#Pass2026", "user", "add", "IT-Admin", "--role", "leader", "--connection", connection);

        Assert.Equal(2, again.ExitCode);
        Assert.Equal("", again.Out);
        Assert.Contains("已有用户名为“IT-Admin”的用户", again.Err);
        using var db = DatabaseSetup.CreateContext(DatabaseProvider.Sqlite, connection);
        Assert.Equal(1, db.Users.Count());
        Assert.Equal(1, db.UserRoles.Count());
        Assert.Equal(1, db.SecurityLog.Count());
    }

    [Theory]
    [InlineData("root", "不认识的角色“root”，可用：admin, assessor, reporter, leader")]
    [InlineData("0", "不认识的角色“0”")]
    public void Add_AnUnknownRole_IsRefused(string role, string message)
    {
        var run = CliRun.WithInput(Password, "user", "add", "x", "--role", role, "--connection", MigratedDatabase());

        Assert.Equal(2, run.ExitCode);
        Assert.Contains(message, run.Err);
    }

    [Fact]
    public void Add_WithoutAPasswordOnStandardInput_IsRefused()
    {
        var run = CliRun.WithInput(null, "user", "add", "x", "--role", "admin", "--connection", MigratedDatabase());

        Assert.Equal(2, run.ExitCode);
        Assert.Contains("请在标准输入中给出密码", run.Err);
    }

    [Fact]
    public void Add_AWeakPassword_IsRefusedWithIdentitysReason()
    {
        var connection = MigratedDatabase();

        var run = CliRun.WithInput("short1", "user", "add", "x", "--role", "admin", "--connection", connection);

        Assert.Equal(2, run.ExitCode);
        Assert.Contains("密码至少8位", run.Err);
        using var db = DatabaseSetup.CreateContext(DatabaseProvider.Sqlite, connection);
        Assert.Empty(db.Users);
    }

    [Fact]
    public void Add_AReporter_NeedsAnExistingTarget()
    {
        var connection = MigratedDatabase();
        using (var db = DatabaseSetup.CreateContext(DatabaseProvider.Sqlite, connection))
        {
            db.Targets.Add(new Target { Name = "禹州市", Kind = "县（市）" });
            db.SaveChanges();
        }

        var without = CliRun.WithInput(Password, "user", "add", "r", "--role", "reporter", "--connection", connection);
        var unknown = CliRun.WithInput(Password, "user", "add", "r", "--role", "reporter", "--target", "许昌县", "--connection", connection);
        var added = CliRun.WithInput(Password, "user", "add", "r", "--role", "reporter", "--target", "禹州市", "--connection", connection);

        Assert.Equal(2, without.ExitCode);
        Assert.Contains("--target", without.Err);
        Assert.Equal(2, unknown.ExitCode);
        Assert.Contains("没有名为“许昌县”的被考评单位", unknown.Err);
        Assert.Equal(0, added.ExitCode);
        using var check = DatabaseSetup.CreateContext(DatabaseProvider.Sqlite, connection);
        Assert.NotNull(check.Users.Include(u => u.Target).Single().Target);
    }

    [Fact]
    public void Add_OnADatabaseNotYetMigrated_SaysToMigrateFirst()
    {
        var connection = "Data Source=" + Path.Combine(Path.GetTempPath(), "kaoping-user-" + Guid.NewGuid().ToString("N") + ".db");

        var run = CliRun.WithInput(Password, "user", "add", "x", "--role", "admin", "--connection", connection);

        Assert.Equal(2, run.ExitCode);
        Assert.Contains("kaoping migrate", run.Err);
    }
}
