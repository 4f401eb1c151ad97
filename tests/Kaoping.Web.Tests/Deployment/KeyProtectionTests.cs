using System.Net;
using System.Net.Http.Json;
using Kaoping.Data;
using Kaoping.Web.Deployment;
using Microsoft.EntityFrameworkCore;

namespace Kaoping.Web.Tests.Deployment;

/// <summary>
/// Data Protection keys in the database, encrypted there, shared by every node (issue 17 item 2, issue 13 item 10);
/// the data directory the owner's alone.
/// </summary>
public class KeyProtectionTests
{
    private static CancellationToken Cancel => TestContext.Current.CancellationToken;

    [Theory]
    [MemberData(nameof(Databases.All), MemberType = typeof(Databases))]
    public async Task TheKeysAreInTheDatabase_Encrypted(DatabaseProvider provider)
    {
        using var factory = new KaopingFactory(provider);
        await factory.ClientAsAsync("admin");

        var keys = await factory.WithDbAsync(db => db.DataProtectionKeys.AsNoTracking().ToListAsync(Cancel));

        var key = Assert.Single(keys);
        Assert.Contains("encryptedSecret", key.Xml);
        Assert.Contains(typeof(KeyDecryption).FullName!, key.Xml);
        Assert.DoesNotContain("<masterKey", key.Xml);
        Assert.False(Directory.Exists(Path.Combine(factory.DataDirectory, "keys")));
    }

    [Fact]
    public async Task AUserSignedInOnOneNode_IsSignedInOnAnother_OnTheSamePostgresDatabase()
    {
        Assert.SkipWhen(Databases.PostgresServer is null, "KAOPING_TEST_POSTGRES is not set");
        using var a = new KaopingFactory(DatabaseProvider.Postgres);
        var signedIn = await a.ClientAsAsync("sysadmin");
        using var b = new KaopingFactory(DatabaseProvider.Postgres);
        b.Settings["ConnectionStrings:Kaoping"] = a.ConnectionString;
        await b.ReadyAsync();
        var onB = b.CreateClient();
        onB.DefaultRequestHeaders.Authorization = signedIn.DefaultRequestHeaders.Authorization;

        var users = await onB.GetAsync("/api/users", Cancel);

        Assert.Equal(HttpStatusCode.OK, users.StatusCode);
        Assert.Contains("assessor1", await users.Content.ReadAsStringAsync(Cancel));
        var unsigned = await b.CreateClient().GetAsync("/api/users", Cancel);
        Assert.Equal(HttpStatusCode.Unauthorized, unsigned.StatusCode);
    }

    [Fact]
    [System.Runtime.Versioning.SupportedOSPlatform("linux")]
    public async Task OnLinux_TheDataDirectoryIs700_AndItsFiles600_EvenThoseOfAnOlderInstall()
    {
        Assert.SkipUnless(OperatingSystem.IsLinux(), "file modes are Linux's");
        using var factory = new KaopingFactory(DatabaseProvider.Sqlite);
        var old = Path.Combine(factory.DataDirectory, "old-notes.txt");
        await File.WriteAllTextAsync(old, "from an older install", Cancel);
        File.SetUnixFileMode(old, UnixFileMode.UserRead | UnixFileMode.UserWrite | UnixFileMode.GroupRead | UnixFileMode.OtherRead);
        await factory.ClientAsAsync("admin");

        Assert.Equal(UnixFileMode.UserRead | UnixFileMode.UserWrite | UnixFileMode.UserExecute, File.GetUnixFileMode(factory.DataDirectory));
        foreach (var file in Directory.EnumerateFiles(factory.DataDirectory, "*", SearchOption.AllDirectories))
            Assert.True(File.GetUnixFileMode(file) == (UnixFileMode.UserRead | UnixFileMode.UserWrite), file + " is " + File.GetUnixFileMode(file));
        Assert.True(File.Exists(Path.Combine(factory.DataDirectory, "kaoping.db")));
    }
}
