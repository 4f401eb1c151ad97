using System.Net;
using System.Net.Http.Json;
using Kaoping.Data;
using Kaoping.Data.Entities;
using Kaoping.Documents.Spreadsheets;
using Kaoping.Web.Tests.Api;
using Microsoft.EntityFrameworkCore;

namespace Kaoping.Web.Tests.Office;

/// <summary>
/// Accounts in bulk, the system administrator's: an import creates accounts with one-time initial passwords (answered once,
/// stored hashed, to be changed at the first sign-in), never changes an existing one, is all or nothing and audited per
/// account; the export (no passwords) imports back unchanged.
/// </summary>
public class UserImportApiTests
{
    private static CancellationToken Cancel => TestContext.Current.CancellationToken;

    [Theory]
    [MemberData(nameof(Databases.All), MemberType = typeof(Databases))]
    public async Task AFilledTemplate_CreatesAccounts_WithInitialPasswordsToChange_Audited(DatabaseProvider provider)
    {
        using var factory = new KaopingFactory(provider);
        var sysadmin = await factory.ClientAsAsync("sysadmin");
        Assert.Equal(HttpStatusCode.OK, (await sysadmin.GetAsync("/api/users/template.xlsx", Cancel)).StatusCode);

        var response = await UploadAsync(sysadmin, Workbook(["xiangcheng", "襄城县 填报员", "填报员", "襄城县", "xc@example.cn"],
            ["assessor9", "王考评", "考评员", "", ""], ["yuzhou", "禹州市应急管理局 填报员", "填报员", "禹州市", ""]));

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var answer = await response.JsonAsync();
        var created = answer.GetProperty("created").EnumerateArray().ToList();
        Assert.Equal(["xiangcheng", "assessor9"], created.Select(c => c.GetProperty("userName").GetString()));
        Assert.Equal(1, answer.GetProperty("unchanged").GetInt32());
        var password = created[0].GetProperty("initialPassword").GetString()!;
        var user = await factory.WithDbAsync(db => db.Users.AsNoTracking().Include(u => u.Target).SingleAsync(u => u.UserName == "xiangcheng", Cancel));
        Assert.True(user.MustChangePassword);
        Assert.Equal(("襄城县", "xc@example.cn"), (user.Target!.Name, user.Email));
        Assert.DoesNotContain(password, user.PasswordHash!, StringComparison.Ordinal);
        var signIn = await factory.CreateClient().PostAsJsonAsync("/api/auth/login", new { userName = "xiangcheng", password }, Cancel);
        Assert.True(signIn.IsSuccessStatusCode, $"{(int)signIn.StatusCode}");
        var logged = await factory.WithDbAsync(db => db.SecurityLog.Where(e => e.Kind == SecurityEventKind.UserCreated && e.By == "sysadmin")
            .Select(e => e.UserName + "|" + e.Detail).ToListAsync(Cancel));
        Assert.Equal(["assessor9|考评员", "xiangcheng|填报员"], logged.Order());
    }

    [Theory]
    [MemberData(nameof(Databases.All), MemberType = typeof(Databases))]
    public async Task AWrongRow_OrAChangedExistingAccount_IsNamed_AndNothingIsSaved(DatabaseProvider provider)
    {
        using var factory = new KaopingFactory(provider);
        var sysadmin = await factory.ClientAsAsync("sysadmin");
        var before = await SnapshotAsync(factory);
        string[] good = ["newone", "新人", "考评员", "", ""];
        (byte[] File, string Message)[] cases =
        [
            (Workbook(good, ["admin", "市安委办 管理员", "领导", "", ""]), "第3行第1列（A列，用户名）：已有用户“admin”，且与表中不同"),
            (Workbook(good, ["x2", "某", "局长", "", ""]), "第3行第3列（C列，角色）“局长”不是角色"),
            (Workbook(good, ["x2", "某", "考评员、领导", "", ""]), "第3行第3列（C列，角色）：一个用户只能有一个角色（三员分立）"),
            (Workbook(good, ["x2", "某", "填报员", "", ""]), "第3行第4列（D列，所属单位）是空的：填报员必须填写所属单位"),
            (Workbook(good, ["x2", "某", "填报员", "不存在县", ""]), "第3行第4列（D列，所属单位）：没有名为“不存在县”的被考评单位"),
            (Workbook(good, ["x2", "某", "考评员", "", "not-an-address"]), "第3行第5列（E列，电子邮箱）“not-an-address”不是有效的邮箱地址"),
            (Workbook(good, ["NEWONE", "某", "考评员", "", ""]), "第3行第1列（A列，用户名）：“NEWONE”与第2行重复"),
            (Workbook(good, ["张三", "某", "考评员", "", ""]), "第3行第1列（A列，用户名）“张三”不可用"),
        ];
        foreach (var (file, message) in cases)
        {
            var response = await UploadAsync(sysadmin, file);
            Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
            Assert.Contains(message, TargetImportApiTests.FileError(await response.JsonAsync()));
        }
        var hostile = await UploadAsync(sysadmin, [(byte)'P', (byte)'K', 3, 4, 9, 9, 9]);
        Assert.Contains("文件已损坏", TargetImportApiTests.FileError(await hostile.JsonAsync()));
        Assert.Equal(before, await SnapshotAsync(factory));
    }

    [Theory]
    [MemberData(nameof(Databases.All), MemberType = typeof(Databases))]
    public async Task TheExport_HasNoPasswords_AndImportsBackUnchanged(DatabaseProvider provider)
    {
        using var factory = new KaopingFactory(provider);
        var sysadmin = await factory.ClientAsAsync("sysadmin");
        var before = await SnapshotAsync(factory);

        var bytes = await (await sysadmin.GetAsync("/api/users/export.xlsx", Cancel)).Content.ReadAsByteArrayAsync(Cancel);
        var rows = Services.Spreadsheets.UserWorkbook.Read(new MemoryStream(bytes), "用户.xlsx");
        var again = await UploadAsync(sysadmin, bytes);

        Assert.Contains(rows, r => r.UserName == "yuzhou" && r.Target == "禹州市");
        Assert.Equal(HttpStatusCode.OK, again.StatusCode);
        var answer = await again.JsonAsync();
        Assert.Equal(0, answer.GetProperty("created").GetArrayLength());
        Assert.Equal(rows.Count, answer.GetProperty("unchanged").GetInt32());
        Assert.Equal(before, await SnapshotAsync(factory));
        var hashes = await factory.WithDbAsync(db => db.Users.Select(u => u.PasswordHash!).ToListAsync(Cancel));
        using var unpacked = new System.IO.Compression.ZipArchive(new MemoryStream(bytes));
        var text = string.Concat(unpacked.Entries.Select(e => new StreamReader(e.Open()).ReadToEnd()));
        Assert.DoesNotContain(hashes, h => text.Contains(h, StringComparison.Ordinal));
        Assert.DoesNotContain(KaopingFactory.Password, text, StringComparison.Ordinal);
    }

    [Theory]
    [MemberData(nameof(Databases.All), MemberType = typeof(Databases))]
    public async Task NobodyButTheSystemAdministrator_ImportsOrExportsAccounts(DatabaseProvider provider)
    {
        using var factory = new KaopingFactory(provider);
        var before = await SnapshotAsync(factory);
        foreach (var user in new[] { "admin", "auditor", "leader", "yuzhou" })
        {
            var client = await factory.ClientAsAsync(user);
            Assert.Equal(HttpStatusCode.Forbidden, (await UploadAsync(client, Workbook(["newone", "新人", "考评员", "", ""]))).StatusCode);
            Assert.Equal(HttpStatusCode.Forbidden, (await client.GetAsync("/api/users/export.xlsx", Cancel)).StatusCode);
        }
        Assert.Equal(before, await SnapshotAsync(factory));
    }

    private static Task<string> SnapshotAsync(KaopingFactory factory) => factory.WithDbAsync(async db => string.Join("\n",
        (await db.Users.AsNoTracking().OrderBy(u => u.UserName).ToListAsync(Cancel)).Select(u => $"{u.UserName}|{u.DisplayName}|{u.TargetId}|{u.Email}"))
        + "\n" + await db.UserRoles.CountAsync(Cancel));

    private static Task<HttpResponseMessage> UploadAsync(HttpClient client, byte[] file) =>
        client.PostAsync("/api/users/import", new MultipartFormDataContent { { new ByteArrayContent(file), "file", "用户.xlsx" } }, Cancel);

    internal static byte[] Workbook(params string[][] rows)
    {
        var sheet = new XlsxSheet("用户", [20, 10, 20, 20, 20]);
        sheet.AddRow([.. Services.Spreadsheets.UserWorkbook.Headers.Select(h => XlsxCell.Of(h))]);
        foreach (var row in rows)
            sheet.AddRow([.. row.Select(c => XlsxCell.Of(c))]);
        using var output = new MemoryStream();
        XlsxBook.Write(output, sheet);
        return output.ToArray();
    }
}
