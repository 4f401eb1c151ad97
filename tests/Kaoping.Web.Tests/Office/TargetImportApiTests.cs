using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Kaoping.Data;
using Kaoping.Data.Entities;
using Kaoping.Documents.Spreadsheets;
using Kaoping.Web.Services.Spreadsheets;
using Kaoping.Web.Tests.Api;
using Microsoft.EntityFrameworkCore;

namespace Kaoping.Web.Tests.Office;

/// <summary>
/// Targets in bulk: the template, an import (new names added, known names take the file's kind and region; all rows or
/// none, a wrong cell named by row and column), the export that imports back unchanged, and the office's alone.
/// </summary>
public class TargetImportApiTests
{
    private static CancellationToken Cancel => TestContext.Current.CancellationToken;

    [Theory]
    [MemberData(nameof(Databases.All), MemberType = typeof(Databases))]
    public async Task AFilledTemplate_AddsNewTargets_UpdatesKnownOnes_AndIsAudited(DatabaseProvider provider)
    {
        using var factory = new KaopingFactory(provider);
        var admin = await factory.ClientAsAsync("admin");
        var template = await admin.GetAsync("/api/targets/template.xlsx", Cancel);
        Assert.Equal(HttpStatusCode.OK, template.StatusCode);
        Assert.Empty(TargetWorkbook.Read(new MemoryStream(await template.Content.ReadAsByteArrayAsync(Cancel)), "模板.xlsx"));

        var response = await UploadAsync(admin, Workbook(["登封市", "县（市）", "河南省 > 郑州市"], ["禹州市", "县级市", "河南省/许昌市"], ["新区", "", ""]));

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var answer = await response.JsonAsync();
        Assert.Equal((2, 1), (answer.GetProperty("added").GetInt32(), answer.GetProperty("updated").GetInt32()));
        var targets = await factory.WithDbAsync(db => db.Targets.AsNoTracking().ToListAsync(Cancel));
        Assert.Equal(11, targets.Count);
        var dengfeng = targets.Single(t => t.Name == "登封市");
        Assert.Equal(("县（市）", "河南省 › 郑州市"), (dengfeng.Kind, dengfeng.Region));
        var yuzhou = targets.Single(t => t.Name == "禹州市");
        Assert.Equal(("县级市", "河南省 › 许昌市"), (yuzhou.Kind, yuzhou.Region));
        Assert.Null(targets.Single(t => t.Name == "新区").Region);
        var logged = await factory.WithDbAsync(db => db.SecurityLog.Where(e => e.Kind == SecurityEventKind.TargetsImported).ToListAsync(Cancel));
        Assert.Equal(("admin", "被考评单位.xlsx：新增2个，更新1个"), (Assert.Single(logged).By, logged[0].Detail));
    }

    [Theory]
    [MemberData(nameof(Databases.All), MemberType = typeof(Databases))]
    public async Task AWrongRow_IsNamedByRowAndColumn_AndNothingIsSaved(DatabaseProvider provider)
    {
        using var factory = new KaopingFactory(provider);
        var admin = await factory.ClientAsAsync("admin");
        var before = await SnapshotAsync(factory);
        (byte[] File, string Message)[] cases =
        [
            (Workbook(["登封市", "县", ""], ["", "县", "河南省"]), "被考评单位.xlsx：第3行第1列（A列，被考评单位名称）是空的"),
            (Workbook(["登封市", "县", ""], ["新密市", "县", ""], ["登封市", "市", ""]), "第4行第1列（A列，被考评单位名称）：“登封市”与第2行重复"),
            (Workbook(["登封市", new string('县', 21), ""]), "第2行第2列（B列，类型）超过20字"),
            (Workbook(["登封市", "县", new string('省', 201)]), "第2行第3列（C列，所属地区）超过200字"),
            (Workbook(["登封市", "县", ""], [new string('名', 101), "县", ""]), "第3行第1列（A列，被考评单位名称）超过100字"),
        ];
        foreach (var (file, message) in cases)
        {
            var response = await UploadAsync(admin, file);
            Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
            Assert.Contains(message, FileError(await response.JsonAsync()));
        }
        Assert.Equal(before, await SnapshotAsync(factory));
    }

    [Theory]
    [MemberData(nameof(Databases.All), MemberType = typeof(Databases))]
    public async Task AForgedOrHostileFile_IsRefusedClearly(DatabaseProvider provider)
    {
        using var factory = new KaopingFactory(provider);
        var admin = await factory.ClientAsAsync("admin");
        var before = await SnapshotAsync(factory);
        var wrongHeader = new XlsxSheet("x", [10, 10, 10]);
        wrongHeader.AddRow(XlsxCell.Of("单位"), XlsxCell.Of("类型"), XlsxCell.Of("所属地区"));
        using var header = new MemoryStream();
        XlsxBook.Write(header, wrongHeader);
        (byte[] File, string Message)[] cases =
        [
            ("<html>not a workbook</html>"u8.ToArray(), "不是 Excel（.xlsx）文件"),
            ([(byte)'P', (byte)'K', 3, 4, 0, 0, 1, 2, 3], "文件已损坏"),
            (new byte[TargetWorkbook.MaxBytes + 1], "文件过大"),
            (header.ToArray(), "第1行第1列（A列）应是表头“被考评单位名称”，读到的是“单位”"),
            (Workbook([.. Enumerable.Range(1, TargetWorkbook.MaxRows + 1).Select(i => new object[] { $"单位{i}", "县", "" })]), "行数超过3000行"),
        ];
        foreach (var (file, message) in cases)
        {
            var response = await UploadAsync(admin, file);
            Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
            Assert.Contains(message, FileError(await response.JsonAsync()));
        }
        Assert.Equal(before, await SnapshotAsync(factory));
    }

    [Theory]
    [MemberData(nameof(Databases.All), MemberType = typeof(Databases))]
    public async Task TheExport_ImportsBack_WithoutAChange(DatabaseProvider provider)
    {
        using var factory = new KaopingFactory(provider);
        var admin = await factory.ClientAsAsync("admin");
        await UploadAsync(admin, Workbook(["登封市", "县（市）", "河南省 › 郑州市"]));
        var before = await SnapshotAsync(factory);

        var export = await admin.GetAsync("/api/targets/export.xlsx", Cancel);
        var bytes = await export.Content.ReadAsByteArrayAsync(Cancel);
        var again = await UploadAsync(admin, bytes);

        Assert.Equal(10, TargetWorkbook.Read(new MemoryStream(bytes), "export.xlsx").Count);
        var answer = await again.JsonAsync();
        Assert.Equal((0, 0), (answer.GetProperty("added").GetInt32(), answer.GetProperty("updated").GetInt32()));
        Assert.Equal(before, await SnapshotAsync(factory));
    }

    [Theory]
    [MemberData(nameof(Databases.All), MemberType = typeof(Databases))]
    public async Task OnlyTheOffice_ImportsOrExports(DatabaseProvider provider)
    {
        using var factory = new KaopingFactory(provider);
        var before = await SnapshotAsync(factory);
        foreach (var user in new[] { "assessor1", "yuzhou", "leader", "sysadmin" })
        {
            var client = await factory.ClientAsAsync(user);
            Assert.Equal(HttpStatusCode.Forbidden, (await UploadAsync(client, Workbook(["登封市", "县", ""]))).StatusCode);
            Assert.Equal(HttpStatusCode.Forbidden, (await client.GetAsync("/api/targets/export.xlsx", Cancel)).StatusCode);
        }
        Assert.Equal(before, await SnapshotAsync(factory));
    }

    [Fact]
    public async Task ATargetAddedOneByOne_WithAKindTooLong_IsRefusedAsTheImportRefusesIt()
    {
        using var factory = new KaopingFactory(DatabaseProvider.Sqlite);
        var admin = await factory.ClientAsAsync("admin");

        var response = await admin.PostAsJsonAsync("/api/targets", new { name = "登封市", kind = new string('县', 21) }, Cancel);

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Contains("类型不能超过20字", (await response.JsonAsync()).GetProperty("errors").GetProperty("name")[0].GetString());
        Assert.False(await factory.WithDbAsync(db => db.Targets.AnyAsync(t => t.Name == "登封市", Cancel)));
    }

    internal static string FileError(JsonElement problem) => problem.GetProperty("errors").GetProperty("file")[0].GetString()!;

    private static Task<string> SnapshotAsync(KaopingFactory factory) => factory.WithDbAsync(async db => string.Join("\n",
        (await db.Targets.AsNoTracking().OrderBy(t => t.Id).ToListAsync(Cancel)).Select(t => $"{t.Id}|{t.Name}|{t.Kind}|{t.Region}")));

    private static Task<HttpResponseMessage> UploadAsync(HttpClient client, byte[] file) =>
        client.PostAsync("/api/targets/import", new MultipartFormDataContent { { new ByteArrayContent(file), "file", "被考评单位.xlsx" } }, Cancel);

    /// <summary>The template's layout with these rows (name, kind, region).</summary>
    internal static byte[] Workbook(params object[][] rows)
    {
        var sheet = new XlsxSheet("被考评单位", [20, 10, 20]);
        sheet.AddRow(XlsxCell.Of("被考评单位名称"), XlsxCell.Of("类型"), XlsxCell.Of("所属地区"));
        foreach (var row in rows)
            sheet.AddRow([.. row.Select(c => XlsxCell.Of((string)c))]);
        using var output = new MemoryStream();
        XlsxBook.Write(output, sheet);
        return output.ToArray();
    }
}
