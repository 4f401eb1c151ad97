using System.Net;
using System.Net.Http.Headers;
using System.Security.Cryptography;
using Kaoping.Data;
using Kaoping.Web.Services;
using Kaoping.Web.Tests.Api;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;

namespace Kaoping.Web.Tests.Workflow;

/// <summary>Issue 13, item 10: evidence files encrypted at rest with SM4-GCM when a key is configured; plain files of before still served.</summary>
public class EvidenceEncryptionTests
{
    private static CancellationToken Cancel => TestContext.Current.CancellationToken;

    internal static string NewKey() => Convert.ToBase64String(RandomNumberGenerator.GetBytes(16));

    private static KaopingFactory Encrypting(DatabaseProvider provider = DatabaseProvider.Sqlite)
    {
        var factory = new KaopingFactory(provider);
        factory.Settings["Kaoping:Evidence:EncryptionKey"] = NewKey();
        return factory;
    }

    /// <summary>A PDF over several 64 KiB chunks, so that ranges and tags across chunks are exercised.</summary>
    private static byte[] LargePdf() => EvidenceApiTests.Pdf(new string('x', 200_000));

    private static async Task<(HttpClient Client, int Sheet, long Id, string File, byte[] Pdf)> UploadAsync(KaopingFactory factory)
    {
        var assessor = await factory.ClientAsAsync("assessor1");
        var sheet = await factory.SheetIdAsync("禹州市");
        var pdf = LargePdf();
        var response = await EvidenceApiTests.UploadAsync(assessor, sheet, "1.1.3", pdf, "会议纪要.pdf");
        Assert.Equal(HttpStatusCode.Created, response.StatusCode);
        var json = await response.JsonAsync();
        var sha = json.GetProperty("sha256").GetString()!;
        Assert.Equal(Convert.ToHexStringLower(SHA256.HashData(pdf)), sha); // the plaintext's hash, as before
        return (assessor, sheet, json.GetProperty("id").GetInt64(), Path.Combine(factory.DataDirectory, "evidence", sha[..2], sha), pdf);
    }

    [Theory]
    [MemberData(nameof(Databases.All), MemberType = typeof(Databases))]
    public async Task AnUpload_IsStoredEncrypted_AndServedAsItWasUploaded_WholeAndInRanges(DatabaseProvider provider)
    {
        using var factory = Encrypting(provider);
        var (assessor, sheet, id, file, pdf) = await UploadAsync(factory);

        var stored = await File.ReadAllBytesAsync(file, Cancel);
        var whole = await assessor.GetByteArrayAsync($"/api/sheets/{sheet}/evidence/{id}", Cancel);
        using var range = new HttpRequestMessage(HttpMethod.Get, $"/api/sheets/{sheet}/evidence/{id}");
        range.Headers.Range = new RangeHeaderValue(65_530, 65_545);
        var part = await assessor.SendAsync(range, Cancel);
        var auditor = await factory.ClientAsAsync("auditor");
        var verify = await (await auditor.GetAsync("/api/audit/verify", Cancel)).JsonAsync();

        Assert.Equal("KPS4"u8.ToArray(), stored[..4]);
        Assert.DoesNotContain("%PDF", System.Text.Encoding.Latin1.GetString(stored));
        Assert.Equal(pdf.Length + 20 + 16 * 4, stored.Length); // header, and a tag for each of the four chunks
        Assert.Equal(pdf, whole);
        Assert.Equal(HttpStatusCode.PartialContent, part.StatusCode);
        Assert.Equal(pdf[65_530..65_546], await part.Content.ReadAsByteArrayAsync(Cancel));
        Assert.True(verify.GetProperty("intact").GetBoolean(), verify.ToString());
        Assert.Equal(1, verify.GetProperty("files").GetInt32());
    }

    [Fact]
    public async Task ATamperedCiphertext_IsRefusedWith409_LoggedAndFoundByTheVerifier()
    {
        using var factory = Encrypting();
        var (assessor, sheet, id, file, _) = await UploadAsync(factory);
        var bytes = await File.ReadAllBytesAsync(file, Cancel);
        bytes[100_000] ^= 0x20; // in the second chunk
        await File.WriteAllBytesAsync(file, bytes, Cancel);

        var download = await assessor.GetAsync($"/api/sheets/{sheet}/evidence/{id}", Cancel);
        var auditor = await factory.ClientAsAsync("auditor");
        var newest = (await (await auditor.GetAsync("/api/audit/security-log?take=2", Cancel)).JsonAsync()).EnumerateArray()
            .First(e => e.GetProperty("kind").GetString() != "signedIn");
        var verify = await (await auditor.GetAsync("/api/audit/verify", Cancel)).JsonAsync();

        Assert.Equal(HttpStatusCode.Conflict, download.StatusCode);
        var problem = await download.Content.ReadAsStringAsync(Cancel);
        Assert.Contains("佐证材料文件缺失或已被改动", problem);
        Assert.Contains("加密文件第2块未通过认证", problem);
        Assert.Equal("evidenceTampered", newest.GetProperty("kind").GetString());
        Assert.Contains($"#{id}", newest.GetProperty("detail").GetString());
        Assert.False(verify.GetProperty("intact").GetBoolean());
        Assert.Contains($"佐证材料 #{id}", verify.GetProperty("problem").GetString());
        Assert.Contains("未通过认证", verify.GetProperty("problem").GetString());
    }

    [Fact]
    public async Task APlainFileStoredBeforeEncryptionWasTurnedOn_IsStillServedAndVerified()
    {
        using var factory = Encrypting();
        var (assessor, sheet, id, file, pdf) = await UploadAsync(factory);
        await File.WriteAllBytesAsync(file, pdf, Cancel); // as an older deployment left it

        var download = await assessor.GetAsync($"/api/sheets/{sheet}/evidence/{id}", Cancel);
        var verify = await (await (await factory.ClientAsAsync("auditor")).GetAsync("/api/audit/verify", Cancel)).JsonAsync();

        Assert.Equal(HttpStatusCode.OK, download.StatusCode);
        Assert.Equal(pdf, await download.Content.ReadAsByteArrayAsync(Cancel));
        Assert.True(verify.GetProperty("intact").GetBoolean(), verify.ToString());
    }

    [Fact]
    public async Task AFileEncryptedWithAnotherKey_IsAClearErrorNamingTheSetting_NotServed()
    {
        using var factory = Encrypting();
        var (_, _, _, file, _) = await UploadAsync(factory);
        var sha = Path.GetFileName(file);
        var otherKey = new KaopingOptions { EvidenceDirectory = Path.Combine(factory.DataDirectory, "evidence") };
        otherKey.Evidence.EncryptionKey = NewKey();
        var noKey = new KaopingOptions { EvidenceDirectory = otherKey.EvidenceDirectory };
        var instance = factory.Services.GetRequiredService<Instance>();

        var (wrong, wrongProblem) = await new EvidenceStore(Options.Create(otherKey), instance).OpenVerifiedAsync(sha, Cancel);
        var (none, noneProblem) = await new EvidenceStore(Options.Create(noKey), instance).OpenVerifiedAsync(sha, Cancel);

        Assert.Null(wrong);
        Assert.Equal("文件是用另一个密钥加密的（密钥校验值不符）：请检查 Kaoping:Evidence:EncryptionKey。", wrongProblem?.Zh);
        Assert.Null(none);
        Assert.Equal("the file is encrypted but Kaoping:Evidence:EncryptionKey is not set, so it cannot be decrypted.", noneProblem?.En);
    }

    [Theory]
    [InlineData("not base64!")]
    [InlineData("c2hvcnQ=")]
    public void AMalformedKey_IsRefusedNamingTheSetting(string key)
    {
        var error = Assert.Throws<Kaoping.Text.InvalidInputException>(() => Kaoping.Data.Evidence.EvidenceKey.Parse(key));

        Assert.Contains("Kaoping:Evidence:EncryptionKey 应为16字节密钥的 base64", error.Text.Zh);
    }
}
