using Kaoping.Web.Tests.Api;
using Microsoft.Playwright;

namespace Kaoping.Web.Tests.Browser;

/// <summary>The pages work under their Content-Security-Policy, which allows no inline script: the browser blocks nothing.</summary>
[Collection(BrowserCollection.Name)]
public class ContentSecurityPolicyBrowserTests(BrowserFixture fixture)
{
    [Fact]
    public async Task SignInHomeAndSheet_RunWithoutAViolation_AndTheSheetAnswersClicks()
    {
        var violations = new List<string>();
        var page = await fixture.SignedInPageAsync("admin");
        page.Console += (_, message) =>
        {
            if (message.Text.Contains("Content Security Policy", StringComparison.OrdinalIgnoreCase))
                violations.Add(message.Text);
        };
        await page.GotoAsync(fixture.BaseUrl + "/campaigns");

        var sheet = await fixture.Factory.SheetIdAsync("禹州市");
        await page.GotoAsync($"{fixture.BaseUrl}/sheets/{sheet}");
        await page.WaitForSelectorAsync("#sheet-header[data-interactive=true]", new PageWaitForSelectorOptions { Timeout = 20000 });
        await page.Locator("[data-testid=audit-toggle]").ClickAsync();
        await Assertions.Expect(page.Locator("#audit tbody tr").First).ToBeVisibleAsync(new() { Timeout = 10000 });

        Assert.Empty(violations);
    }
}
