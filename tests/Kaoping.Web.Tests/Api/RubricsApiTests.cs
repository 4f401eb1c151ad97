using System.Net;
using System.Net.Http.Headers;
using Kaoping.Data;
using Microsoft.EntityFrameworkCore;

namespace Kaoping.Web.Tests.Api;

public class RubricsApiTests
{
    // The built-in rubric, and the demo scheme's accident and bonus rubrics (samples/scheme).
    private const int DemoRubrics = 3;

    private static MultipartFormDataContent Upload(byte[] content, string fileName)
    {
        var file = new ByteArrayContent(content);
        file.Headers.ContentType = new MediaTypeHeaderValue("text/plain");
        return new MultipartFormDataContent { { file, "file", fileName } };
    }

    private static byte[] Unseen(string name) => File.ReadAllBytes(Path.Combine(AppContext.BaseDirectory, "unseen", name));

    [Theory]
    [MemberData(nameof(Databases.All), MemberType = typeof(Databases))]
    public async Task List_And_Get_GiveTheBuiltInRubricAsTheCliJsonWithItsId(DatabaseProvider provider)
    {
        using var factory = new KaopingFactory(provider);
        var client = await factory.ClientAsAsync("assessor1");

        var list = await (await client.GetAsync("/api/rubrics", TestContext.Current.CancellationToken)).JsonAsync();
        var builtIn = list.EnumerateArray().Single(r => r.GetProperty("title").GetString() == "2018年度县（市、区）安全生产工作责任目标考评细则");
        var id = builtIn.GetProperty("id").GetInt32();
        var rubric = await (await client.GetAsync($"/api/rubrics/{id}", TestContext.Current.CancellationToken)).JsonAsync();

        Assert.Equal(1, id);
        Assert.Equal(id, rubric.GetProperty("id").GetInt32());
        Assert.Equal("附件3", rubric.GetProperty("annex").GetString());
        Assert.Equal(40, rubric.GetProperty("points").GetDecimal());
        var items = rubric.GetProperty("categories").EnumerateArray().SelectMany(c => c.GetProperty("subcategories").EnumerateArray()).SelectMany(s => s.GetProperty("items").EnumerateArray()).ToList();
        Assert.Equal(43, items.Count);
        Assert.Equal("perOccurrence", items[1].GetProperty("clauses")[0].GetProperty("kind").GetString());
    }

    [Fact]
    public async Task Get_UnknownRubric_Is404()
    {
        using var factory = new KaopingFactory(DatabaseProvider.Sqlite);
        var client = await factory.ClientAsAsync("admin");

        Assert.Equal(HttpStatusCode.NotFound, (await client.GetAsync("/api/rubrics/999", TestContext.Current.CancellationToken)).StatusCode);
    }

    [Theory]
    [MemberData(nameof(Databases.All), MemberType = typeof(Databases))]
    public async Task Post_AConsistentRubric_SavesItAnd201(DatabaseProvider provider)
    {
        using var factory = new KaopingFactory(provider);
        var client = await factory.ClientAsAsync("admin");

        var response = await client.PostAsync("/api/rubrics", Upload(Unseen("township-2019.txt"), "township-2019.txt"), TestContext.Current.CancellationToken);

        Assert.Equal(HttpStatusCode.Created, response.StatusCode);
        var json = await response.JsonAsync();
        Assert.Equal(30, json.GetProperty("points").GetDecimal());
        Assert.Equal(DemoRubrics + 1, await factory.WithDbAsync(db => db.Rubrics.CountAsync()));
        Assert.Equal($"/api/rubrics/{json.GetProperty("id").GetInt32()}", response.Headers.Location?.ToString());
    }

    [Theory]
    [MemberData(nameof(Databases.All), MemberType = typeof(Databases))]
    public async Task Post_PointsThatDoNotAddUp_Is400WithTheProblemsAndSavesNothing(DatabaseProvider provider)
    {
        using var factory = new KaopingFactory(provider);
        var client = await factory.ClientAsAsync("admin");

        var response = await client.PostAsync("/api/rubrics", Upload(Unseen("bad-sum.txt"), "bad-sum.txt"), TestContext.Current.CancellationToken);

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        var body = await response.Content.ReadAsStringAsync(TestContext.Current.CancellationToken);
        Assert.Contains("街道党工委办事处领导责任", body);
        Assert.Contains("5.5分，与类别分值6分不符", body);
        Assert.Equal(DemoRubrics, await factory.WithDbAsync(db => db.Rubrics.CountAsync()));
    }

    [Theory]
    [InlineData("bad-cells.txt", "单元格数不对")]
    [InlineData("bad-points.txt", "一分半")]
    public async Task Post_AMalformedRubric_Is400NamingTheLine(string file, string message)
    {
        using var factory = new KaopingFactory(DatabaseProvider.Sqlite);
        var client = await factory.ClientAsAsync("admin");

        var response = await client.PostAsync("/api/rubrics", Upload(Unseen(file), file), TestContext.Current.CancellationToken);

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        var body = await response.Content.ReadAsStringAsync(TestContext.Current.CancellationToken);
        Assert.Contains(message, body);
        Assert.Contains("行", body);
        Assert.Equal(DemoRubrics, await factory.WithDbAsync(db => db.Rubrics.CountAsync()));
    }

    [Fact]
    public async Task Post_RandomBytesOrOversized_Is400AndSavesNothing()
    {
        using var factory = new KaopingFactory(DatabaseProvider.Sqlite);
        var client = await factory.ClientAsAsync("admin");
        var random = new byte[5000];
        new Random(5).NextBytes(random);

        var binary = await client.PostAsync("/api/rubrics", Upload(random, "x.txt"), TestContext.Current.CancellationToken);
        var big = await client.PostAsync("/api/rubrics", Upload(new byte[5 * 1024 * 1024], "big.txt"), TestContext.Current.CancellationToken);

        Assert.Equal(HttpStatusCode.BadRequest, binary.StatusCode);
        Assert.Contains("不是文本文件", await binary.Content.ReadAsStringAsync(TestContext.Current.CancellationToken));
        Assert.Equal(HttpStatusCode.BadRequest, big.StatusCode);
        Assert.Contains("文件过大", await big.Content.ReadAsStringAsync(TestContext.Current.CancellationToken));
        Assert.Equal(DemoRubrics, await factory.WithDbAsync(db => db.Rubrics.CountAsync()));
    }

    [Theory]
    [InlineData("assessor1")]
    [InlineData("yuzhou")]
    [InlineData("leader")]
    public async Task Post_ByAnyoneButTheOffice_Is403AndSavesNothing(string user)
    {
        using var factory = new KaopingFactory(DatabaseProvider.Sqlite);
        var client = await factory.ClientAsAsync(user);

        var response = await client.PostAsync("/api/rubrics", Upload(Unseen("township-2019.txt"), "t.txt"), TestContext.Current.CancellationToken);

        Assert.Equal(HttpStatusCode.Forbidden, response.StatusCode);
        Assert.Equal(DemoRubrics, await factory.WithDbAsync(db => db.Rubrics.CountAsync()));
    }

    [Fact]
    public async Task Post_ARevision_IsANewVersionAndTheOldOneStays()
    {
        using var factory = new KaopingFactory(DatabaseProvider.Sqlite);
        var client = await factory.ClientAsAsync("admin");
        var content = Upload(File.ReadAllBytes(Path.Combine(AppContext.BaseDirectory, "unseen", "township-2019.txt")), "t.txt");
        content.Add(new StringContent("1"), "previousVersionId");

        var response = await client.PostAsync("/api/rubrics", content, TestContext.Current.CancellationToken);

        Assert.Equal(HttpStatusCode.Created, response.StatusCode);
        var versions = await factory.WithDbAsync(db => db.Rubrics.OrderBy(r => r.Id).Select(r => new { r.Id, r.Version, r.PreviousVersionId,
            r.Title }).ToListAsync());
        Assert.Equal(DemoRubrics + 1, versions.Count);
        Assert.Equal((2, 1), (versions[^1].Version, versions[^1].PreviousVersionId!.Value));
        Assert.Equal("2018年度县（市、区）安全生产工作责任目标考评细则", versions[0].Title);
    }

    [Fact]
    public async Task Post_AWordRubric_SavesItAsItsTableText()
    {
        using var factory = new KaopingFactory(DatabaseProvider.Sqlite);
        var client = await factory.ClientAsAsync("admin");
        const string w = "http://schemas.openxmlformats.org/wordprocessingml/2006/main";
        static string P(string text) => $"<w:p><w:r><w:t>{text}</w:t></w:r></w:p>";
        static string Row(params string[] cells) => "<w:tr>" + string.Concat(cells.Select(c => "<w:tc>" + P(c) + "</w:tc>")) + "</w:tr>";
        var body = P("附件1") + P("乡镇细则（1分）") + "<w:tbl>" + Row("指标", "类别", "考评内容及要求", "考评标准", "分值", "扣分及原因")
            + Row("一、管理（1分）", "类别（1分）", "1.甲", "每少一次扣0.5分。", "1分", "") + "</w:tbl>";
        using var docx = new MemoryStream();
        using (var zip = new System.IO.Compression.ZipArchive(docx, System.IO.Compression.ZipArchiveMode.Create, leaveOpen: true))
        {
            using var writer = new StreamWriter(zip.CreateEntry("word/document.xml").Open());
            writer.Write($"<?xml version=\"1.0\" encoding=\"UTF-8\"?><w:document xmlns:w=\"{w}\"><w:body>{body}</w:body></w:document>");
        }

        var response = await client.PostAsync("/api/rubrics", Upload(docx.ToArray(), "乡镇细则.docx"), TestContext.Current.CancellationToken);

        Assert.Equal(HttpStatusCode.Created, response.StatusCode);
        var id = (await response.JsonAsync()).GetProperty("id").GetInt32();
        var stored = await (await client.GetAsync($"/api/rubrics/{id}", TestContext.Current.CancellationToken)).JsonAsync();
        Assert.Equal("乡镇细则", stored.GetProperty("title").GetString());
        Assert.Equal("perOccurrence", stored.GetProperty("categories")[0].GetProperty("subcategories")[0].GetProperty("items")[0].GetProperty("clauses")[0].GetProperty("kind").GetString());
    }

    [Fact]
    public async Task Post_AUtf16Text_IsStoredAsTextThatReadsBack()
    {
        using var factory = new KaopingFactory(DatabaseProvider.Sqlite);
        var client = await factory.ClientAsAsync("admin");
        var text = System.Text.Encoding.UTF8.GetString(Unseen("township-2019.txt"));
        var utf16 = System.Text.Encoding.Unicode.GetPreamble().Concat(System.Text.Encoding.Unicode.GetBytes(text)).ToArray();

        var response = await client.PostAsync("/api/rubrics", Upload(utf16, "township-utf16.txt"), TestContext.Current.CancellationToken);
        var id = (await response.JsonAsync()).GetProperty("id").GetInt32();
        var stored = await (await client.GetAsync($"/api/rubrics/{id}", TestContext.Current.CancellationToken)).JsonAsync();

        Assert.Equal(HttpStatusCode.Created, response.StatusCode);
        Assert.Equal(30, stored.GetProperty("points").GetDecimal());
    }
}
