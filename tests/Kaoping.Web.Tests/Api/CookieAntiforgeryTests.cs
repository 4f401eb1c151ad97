using System.Net;
using Kaoping.Data;
using Kaoping.Web.Tests.Workflow;
using Microsoft.AspNetCore.Mvc.Testing;

namespace Kaoping.Web.Tests.Api;

/// <summary>
/// Same-site CSRF (issue 13, item 7): a page on another port of the host can make the browser send the sign-in cookie
/// with a form. Uploads with the cookie need the antiforgery token; bearer calls do not.
/// </summary>
public class CookieAntiforgeryTests
{
    private static CancellationToken Cancel => TestContext.Current.CancellationToken;

    [Fact]
    public async Task EvidenceUploaded_WithTheSignInCookieAlone_IsRefused_AndNothingIsKept()
    {
        using var factory = new KaopingFactory(DatabaseProvider.Sqlite);
        var browser = await SignedInByCookieAsync(factory, "assessor1");
        var yuzhou = await factory.SheetIdAsync("禹州市");

        var response = await EvidenceApiTests.UploadAsync(browser, yuzhou, "1.1.3", EvidenceApiTests.Pdf(), "会议纪要.pdf");

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Contains("RequestVerificationToken", await response.Content.ReadAsStringAsync(Cancel));
        Assert.Equal((0, 0), await EvidenceApiTests.StoredAsync(factory));
    }

    [Fact]
    public async Task ARubricImported_WithTheSignInCookieAlone_IsRefused()
    {
        using var factory = new KaopingFactory(DatabaseProvider.Sqlite);
        var browser = await SignedInByCookieAsync(factory, "admin");
        var form = new MultipartFormDataContent { { new ByteArrayContent("附件3\n细则（1分）\n"u8.ToArray()), "file", "细则.txt" } };

        var response = await browser.PostAsync("/api/rubrics", form, Cancel);

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Contains("RequestVerificationToken", await response.Content.ReadAsStringAsync(Cancel));
    }

    [Fact]
    public async Task EvidenceUploaded_WithABearerToken_NeedsNoAntiforgeryToken()
    {
        using var factory = new KaopingFactory(DatabaseProvider.Sqlite);
        var client = await factory.ClientAsAsync("assessor1");
        var yuzhou = await factory.SheetIdAsync("禹州市");

        var response = await EvidenceApiTests.UploadAsync(client, yuzhou, "1.1.3", EvidenceApiTests.Pdf(), "会议纪要.pdf");

        Assert.Equal(HttpStatusCode.Created, response.StatusCode);
    }

    /// <summary>A client signed in through the sign-in page, as a browser is: it holds the cookie and sends it with every request.</summary>
    internal static async Task<HttpClient> SignedInByCookieAsync(KaopingFactory factory, string userName)
    {
        await factory.ReadyAsync();
        var client = factory.CreateClient(new WebApplicationFactoryClientOptions { AllowAutoRedirect = false });
        var response = await PageForms.PostAsync(client, "/account/login", "login", new()
        {
            ["Input.UserName"] = userName, ["Input.Password"] = KaopingFactory.Password, ["Input.ReturnUrl"] = "/",
        });
        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        return client;
    }
}
