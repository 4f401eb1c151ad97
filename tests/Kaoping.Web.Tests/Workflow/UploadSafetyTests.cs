using System.IO.Compression;
using System.Net;
using System.Text;
using Kaoping.Data;
using Kaoping.Web.Tests.Api;
using Microsoft.EntityFrameworkCore;

namespace Kaoping.Web.Tests.Workflow;

/// <summary>Evidence that carries something active, a disguised name, too many findings or too large a body: refused, nothing kept.</summary>
public class UploadSafetyTests
{
    private static CancellationToken Cancel => TestContext.Current.CancellationToken;

    private static byte[] Docx(string extraPart, byte[] extraContent)
    {
        using var buffer = new MemoryStream();
        using (var zip = new ZipArchive(buffer, ZipArchiveMode.Create, leaveOpen: true))
        {
            (string Name, byte[] Content)[] parts =
                [("[Content_Types].xml", "<Types/>"u8.ToArray()), ("word/document.xml", "<w:document/>"u8.ToArray()), (extraPart, extraContent)];
            foreach (var (name, content) in parts)
            {
                using var stream = zip.CreateEntry(name, CompressionLevel.SmallestSize).Open();
                stream.Write(content);
            }
        }
        return buffer.ToArray();
    }

    private static async Task<string> RefusedAsync(KaopingFactory factory, byte[] content, string fileName)
    {
        var assessor = await factory.ClientAsAsync("assessor1");
        var yuzhou = await factory.SheetIdAsync("禹州市");

        var response = await EvidenceApiTests.UploadAsync(assessor, yuzhou, "1.1.3", content, fileName, "application/octet-stream");

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Equal((0, 0), await EvidenceApiTests.StoredAsync(factory));
        return await response.Content.ReadAsStringAsync(Cancel);
    }

    [Fact]
    public async Task AWordFileWithAMacroProject_IsRefusedNamingThePart()
    {
        using var factory = new KaopingFactory(DatabaseProvider.Sqlite);

        var message = await RefusedAsync(factory, Docx("word/vbaProject.bin", [0xD0, 0xCF, 0x11, 0xE0]), "整改方案.docx");

        Assert.Contains("word/vbaProject.bin", message);
        Assert.Contains("宏、可执行程序或嵌入对象", message);
    }

    [Fact]
    public async Task AWordFileThatUnpacksToABomb_IsRefused()
    {
        using var factory = new KaopingFactory(DatabaseProvider.Sqlite);

        var message = await RefusedAsync(factory, Docx("word/media/image1.png", new byte[32 * 1024 * 1024]), "台账.docx");

        Assert.Contains("压缩炸弹", message);
    }

    [Theory]
    [InlineData("/S/JavaScript/JS(app.launchURL('http://x'))", "JavaScript")]
    [InlineData("/S/Launch/Win<</F(cmd.exe)>>", "/Launch")]
    public async Task APdfWithJavaScriptOrALaunchAction_IsRefused(string action, string named)
    {
        using var factory = new KaopingFactory(DatabaseProvider.Sqlite);
        var pdf = Encoding.ASCII.GetBytes($"%PDF-1.4\n1 0 obj<</Type/Catalog/OpenAction<<{action}>>>>endobj\ntrailer<</Root 1 0 R>>\n%%EOF\n");

        var message = await RefusedAsync(factory, pdf, "检查记录.pdf");

        Assert.Contains(named, message);
    }

    [Fact]
    public async Task ANameWithABidiControl_IsRefused()
    {
        using var factory = new KaopingFactory(DatabaseProvider.Sqlite);

        // shown as “整改报告exe.pdf”, it is “整改报告fdp.exe” with the direction turned
        var message = await RefusedAsync(factory, EvidenceApiTests.Pdf(), "整改报告\u202Efdp.exe");

        Assert.Contains("U+202E", message);
    }

    [Fact]
    public async Task MoreThan50FindingsOnAnItem_Is400NamingTheItem()
    {
        using var factory = new KaopingFactory(DatabaseProvider.Sqlite);
        var client = await factory.ClientAsAsync("assessor1");
        var yuzhou = await factory.SheetIdAsync("禹州市");
        var sheet = await client.GetAsync($"/api/sheets/{yuzhou}", Cancel);
        var findings = Enumerable.Range(1, 51).Select(n => new { deduction = 0.01m, reason = "问题" + n }).ToList();

        var response = await client.PutFindingsAsync(yuzhou, "4.6.1", sheet.Headers.ETag!.ToString(), new { findings });

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        var errors = (await response.JsonAsync()).GetProperty("errors");
        Assert.Equal("4.6.1：一个项目最多50条扣分，读到51条。", errors.GetProperty("findings")[0].GetString());
        var item = new Kaoping.Rubrics.ItemKey(4, 6, 1);
        Assert.Equal(0, await factory.WithDbAsync(db => db.SheetFindings.CountAsync(f => f.SheetId == yuzhou && f.ItemKey == item)));
    }

    [Fact]
    public async Task AJsonBodyOverTheLimit_Is413WithOrWithoutALength()
    {
        using var factory = new KaopingFactory(DatabaseProvider.Sqlite);
        var client = await factory.ClientAsAsync("assessor1");
        var yuzhou = await factory.SheetIdAsync("禹州市");
        var etag = (await client.GetAsync($"/api/sheets/{yuzhou}", Cancel)).Headers.ETag!.ToString();
        var body = "{\"remark\":\"" + new string('x', 2 * 1024 * 1024) + "\",\"findings\":[]}";

        foreach (var chunked in new[] { false, true })
        {
            var content = chunked ? (HttpContent)new StreamContent(new NoLengthStream(Encoding.UTF8.GetBytes(body))) : new StringContent(body, Encoding.UTF8);
            content.Headers.ContentType = new("application/json");
            var request = new HttpRequestMessage(HttpMethod.Put, $"/api/sheets/{yuzhou}/items/4.6.1/findings") { Content = content };
            request.Headers.TryAddWithoutValidation("If-Match", etag);

            var response = await client.SendAsync(request, Cancel);

            Assert.Equal(HttpStatusCode.RequestEntityTooLarge, response.StatusCode);
            Assert.Contains("1024 KB", await response.Content.ReadAsStringAsync(Cancel));
        }
    }

    // A body of unknown length, as a client streaming it sends it.
    private sealed class NoLengthStream(byte[] bytes) : MemoryStream(bytes)
    {
        public override bool CanSeek => false;
    }
}
