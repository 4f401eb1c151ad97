using System.Net;
using System.Net.Http.Headers;
using System.Security.Cryptography;
using Kaoping.Data;
using Kaoping.Web.Tests.Api;
using Microsoft.EntityFrameworkCore;

namespace Kaoping.Web.Tests.Workflow;

public class EvidenceApiTests
{
    // A minimal one-page PDF.
    internal static byte[] Pdf(string text = "Kaoping evidence") => System.Text.Encoding.ASCII.GetBytes(
        "%PDF-1.4\n1 0 obj<</Type/Catalog/Pages 2 0 R>>endobj\n2 0 obj<</Type/Pages/Kids[3 0 R]/Count 1>>endobj\n" +
        "3 0 obj<</Type/Page/Parent 2 0 R/MediaBox[0 0 300 144]/Contents 4 0 R/Resources<</Font<</F1 5 0 R>>>>>>endobj\n" +
        $"4 0 obj<</Length {text.Length + 30}>>stream\nBT /F1 18 Tf 20 70 Td ({text}) Tj ET\nendstream endobj\n" +
        "5 0 obj<</Type/Font/Subtype/Type1/BaseFont/Helvetica>>endobj\ntrailer<</Root 1 0 R>>\n%%EOF\n");

    internal static Task<HttpResponseMessage> UploadAsync(HttpClient client, int sheet, string item, byte[] content, string fileName,
        string contentType = "application/pdf")
    {
        var form = new MultipartFormDataContent();
        var file = new ByteArrayContent(content);
        file.Headers.ContentType = new MediaTypeHeaderValue(contentType);
        form.Add(file, "file", fileName);
        return client.PostAsync($"/api/sheets/{sheet}/items/{item}/evidence", form, TestContext.Current.CancellationToken);
    }

    internal static Task<(int Rows, int Files)> StoredAsync(KaopingFactory factory) =>
        factory.WithDbAsync(async db => (
            await db.SheetEvidence.CountAsync(),
            Directory.Exists(Path.Combine(factory.DataDirectory, "evidence"))
                ? Directory.GetFiles(Path.Combine(factory.DataDirectory, "evidence"), "*", SearchOption.AllDirectories).Length
                : 0));

    [Theory]
    [MemberData(nameof(Databases.All), MemberType = typeof(Databases))]
    public async Task AValidPdf_IsStoredWithItsSha256_AndServedToThoseWhoSeeTheSheet(DatabaseProvider provider)
    {
        using var factory = new KaopingFactory(provider);
        var assessor = await factory.ClientAsAsync("assessor1");
        var changge = await factory.ClientAsAsync("changge");
        var yuzhou = await factory.SheetIdAsync("禹州市");
        var pdf = Pdf();

        var response = await UploadAsync(assessor, yuzhou, "1.1.3", pdf, "会议纪要.pdf");

        Assert.Equal(HttpStatusCode.Created, response.StatusCode);
        var json = await response.JsonAsync();
        Assert.Equal(Convert.ToHexStringLower(SHA256.HashData(pdf)), json.GetProperty("sha256").GetString());
        Assert.Equal(pdf.Length, json.GetProperty("size").GetInt64());
        Assert.Equal("会议纪要.pdf", json.GetProperty("fileName").GetString());
        var id = json.GetProperty("id").GetInt64();
        var download = await assessor.GetAsync($"/api/sheets/{yuzhou}/evidence/{id}", TestContext.Current.CancellationToken);
        Assert.Equal(HttpStatusCode.OK, download.StatusCode);
        Assert.Equal("application/pdf", download.Content.Headers.ContentType?.MediaType);
        Assert.Equal("inline", download.Content.Headers.ContentDisposition?.DispositionType);
        Assert.Equal(pdf, await download.Content.ReadAsByteArrayAsync(TestContext.Current.CancellationToken));
        Assert.Equal(HttpStatusCode.NotFound, (await changge.GetAsync($"/api/sheets/{yuzhou}/evidence/{id}",
            TestContext.Current.CancellationToken)).StatusCode);
        var sheet = await (await assessor.GetAsync($"/api/sheets/{yuzhou}", TestContext.Current.CancellationToken)).JsonAsync();
        Assert.Equal(id, sheet.GetProperty("evidence")[0].GetProperty("id").GetInt64());
        var audit = await (await assessor.GetAsync($"/api/sheets/{yuzhou}/audit", TestContext.Current.CancellationToken)).JsonAsync();
        var added = audit.EnumerateArray().Last();
        Assert.Equal("evidenceAdded", added.GetProperty("kind").GetString());
        Assert.Contains(json.GetProperty("sha256").GetString()!, added.GetProperty("after").GetString());
        Assert.Equal("assessor1", added.GetProperty("by").GetString());
        Assert.Equal((1, 1), await StoredAsync(factory));
    }

    [Fact]
    public async Task ARenamedExecutable_Is400AndNothingIsStored()
    {
        using var factory = new KaopingFactory(DatabaseProvider.Sqlite);
        var assessor = await factory.ClientAsAsync("assessor1");
        var yuzhou = await factory.SheetIdAsync("禹州市");
        var executable = new byte[4096];
        "MZ"u8.CopyTo(executable);
        "This program cannot be run in DOS mode."u8.CopyTo(executable.AsSpan(78));

        var response = await UploadAsync(assessor, yuzhou, "1.1.3", executable, "整改报告.pdf");

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Contains("按内容判断", await response.Content.ReadAsStringAsync(TestContext.Current.CancellationToken));
        Assert.Equal((0, 0), await StoredAsync(factory));
    }

    [Fact]
    public async Task AFileOverTheDefault20MbLimit_Is413AndNothingIsStored()
    {
        using var factory = new KaopingFactory(DatabaseProvider.Sqlite);
        var assessor = await factory.ClientAsAsync("assessor1");
        var yuzhou = await factory.SheetIdAsync("禹州市");
        var big = new byte[20 * 1024 * 1024 + 1];
        Pdf().CopyTo(big, 0);

        var response = await UploadAsync(assessor, yuzhou, "1.1.3", big, "台账.pdf");

        Assert.Equal(HttpStatusCode.RequestEntityTooLarge, response.StatusCode);
        Assert.Contains("20 MB", await response.Content.ReadAsStringAsync(TestContext.Current.CancellationToken));
        Assert.Equal((0, 0), await StoredAsync(factory));
    }

    [Fact]
    public async Task TheLimit_IsConfigurable()
    {
        using var factory = new KaopingFactory(DatabaseProvider.Sqlite);
        factory.Settings["Kaoping:MaxEvidenceBytes"] = "1000";
        var assessor = await factory.ClientAsAsync("assessor1");
        var yuzhou = await factory.SheetIdAsync("禹州市");
        var pdf = Pdf(new string('x', 1200));

        var response = await UploadAsync(assessor, yuzhou, "1.1.3", pdf, "a.pdf");

        Assert.Equal(HttpStatusCode.RequestEntityTooLarge, response.StatusCode);
        Assert.Equal((0, 0), await StoredAsync(factory));
    }

    [Fact]
    public async Task Evidence_OutsideTheStagesThatTakeIt_OrFromOthers_IsRefused()
    {
        using var factory = new KaopingFactory(DatabaseProvider.Sqlite);
        var yuzhou = await factory.SheetIdAsync("禹州市");
        var reporter = await factory.ClientAsAsync("yuzhou");
        var leader = await factory.ClientAsAsync("leader");
        var assessor2 = await factory.ClientAsAsync("assessor2");
        var assessor = await factory.ClientAsAsync("assessor1");

        Assert.Equal(HttpStatusCode.Conflict, (await UploadAsync(reporter, yuzhou, "1.1.3", Pdf(), "a.pdf")).StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, (await UploadAsync(leader, yuzhou, "1.1.3", Pdf(), "a.pdf")).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await UploadAsync(assessor2, yuzhou, "1.1.3", Pdf(), "a.pdf")).StatusCode);
        Assert.Equal(HttpStatusCode.BadRequest, (await UploadAsync(assessor, yuzhou, "9.9.9", Pdf(), "a.pdf")).StatusCode);
        Assert.Equal((0, 0), await StoredAsync(factory));
    }

    [Fact]
    public async Task Removing_HidesTheFile_AndKeepsItInTheTrail()
    {
        using var factory = new KaopingFactory(DatabaseProvider.Sqlite);
        var assessor = await factory.ClientAsAsync("assessor1");
        var yuzhou = await factory.SheetIdAsync("禹州市");
        var png = Convert.FromBase64String("iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mP8z8BQDwAEhQGAhKmMIQAAAABJRU5ErkJggg==");
        var added = await (await UploadAsync(assessor, yuzhou, "1.1.3", png, "现场照片.jpg", "image/jpeg")).JsonAsync();
        var id = added.GetProperty("id").GetInt64();

        Assert.Equal("现场照片.jpg.png", added.GetProperty("fileName").GetString());
        Assert.Equal("image/png", added.GetProperty("contentType").GetString());
        Assert.Equal(HttpStatusCode.OK, (await assessor.DeleteAsync($"/api/sheets/{yuzhou}/evidence/{id}", TestContext.Current.CancellationToken)).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await assessor.GetAsync($"/api/sheets/{yuzhou}/evidence/{id}",
            TestContext.Current.CancellationToken)).StatusCode);
        var kinds = (await (await assessor.GetAsync($"/api/sheets/{yuzhou}/audit", TestContext.Current.CancellationToken)).JsonAsync())
            .EnumerateArray().Select(e => e.GetProperty("kind").GetString()).TakeLast(2);
        Assert.Equal(["evidenceAdded", "evidenceRemoved"], kinds);
    }
}
