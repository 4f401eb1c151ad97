using Kaoping.Data;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Playwright;

namespace Kaoping.Web.Tests.Browser;

/// <summary>The app on a real port (Kestrel) with a fresh demo database, and Debian's Chromium driven by Playwright.</summary>
public sealed class BrowserFixture : IAsyncLifetime
{
    private IPlaywright? _playwright;

    public KaopingFactory Factory { get; } = new(DatabaseProvider.Sqlite);

    public IBrowser Browser { get; private set; } = default!;

    public string BaseUrl { get; private set; } = "";

    public static string ScreenshotDirectory
    {
        get
        {
            var dir = new DirectoryInfo(AppContext.BaseDirectory);
            while (dir is not null && !File.Exists(Path.Combine(dir.FullName, "Kaoping.slnx")))
                dir = dir.Parent;
            var path = Path.Combine(dir?.FullName ?? Path.GetTempPath(), "artifacts", "screenshots");
            Directory.CreateDirectory(path);
            return path;
        }
    }

    public async ValueTask InitializeAsync()
    {
        Factory.UseKestrel(0);
        Factory.StartServer();
        var addresses = Factory.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses;
        BaseUrl = addresses.First().Replace("[::]", "127.0.0.1", StringComparison.Ordinal).Replace("0.0.0.0", "127.0.0.1",
            StringComparison.Ordinal).TrimEnd('/');
        Factory.ServerAddress = new Uri(BaseUrl);
        // The tests share the machine with the other test classes running in parallel: Playwright's 5-s default made a
        // fresh CI machine fail now and then on a page that was merely slow.
        Assertions.SetDefaultExpectTimeout(15_000);
        _playwright = await Playwright.CreateAsync();
        Browser = await _playwright.Chromium.LaunchAsync(new BrowserTypeLaunchOptions
        {
            ExecutablePath = Environment.GetEnvironmentVariable("KAOPING_CHROMIUM") ?? "/usr/bin/chromium",
            Headless = true,
            Args = ["--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run", "--disable-background-networking", "--disable-component-update",
                "--disable-sync"],
        });
    }

    public async ValueTask DisposeAsync()
    {
        if (Browser is not null)
            await Browser.CloseAsync();
        _playwright?.Dispose();
        await Factory.DisposeAsync();
    }

    /// <summary>A new browser context (its own cookies) signed in as the user.</summary>
    public async Task<IPage> SignedInPageAsync(string userName, int width = 1280, int height = 900)
    {
        var context = await Browser.NewContextAsync(new BrowserNewContextOptions { ViewportSize = new ViewportSize { Width = width, Height = height },
            Locale = "zh-CN" });
        var page = await context.NewPageAsync();
        await page.GotoAsync(BaseUrl + "/account/login");
        await page.FillAsync("#userName", userName);
        await page.FillAsync("#password", KaopingFactory.Password);
        await page.ClickAsync("button[type=submit]");
        await page.WaitForURLAsync(BaseUrl + "/");
        return page;
    }

    /// <summary>Answers the confirmation an irreversible action asks for (ActionConfirm) with 确定.</summary>
    public static Task ConfirmAsync(IPage page) =>
        page.Locator(".mud-dialog .mud-dialog-actions button",
            new PageLocatorOptions { HasText = "确定" }).ClickAsync(new LocatorClickOptions { Timeout = 10000 });

    /// <summary>
    /// Clicks a button that asks for a confirmation and answers it with <paramref name="answer"/>. Once in CI (a full run on
    /// two loaded cores) such a click brought no dialog in 30 s and the page showed nothing else; not seen again in runs
    /// under load since. A user clicks again: so does this, at most three times, and a last failure says what the page shows.
    /// </summary>
    public static async Task ConfirmThroughAsync(IPage page, ILocator button, string answer)
    {
        var dialog = page.Locator(".mud-dialog");
        for (var attempt = 1; ; attempt++)
        {
            await button.ClickAsync();
            try
            {
                await dialog.First.WaitForAsync(new LocatorWaitForOptions { Timeout = 10000 });
                break;
            }
            catch (TimeoutException) when (attempt < 3)
            {
            }
            catch (TimeoutException e)
            {
                throw new TimeoutException($"no dialog after {attempt} clicks; the page shows: {await page.InnerTextAsync("body")}", e);
            }
        }
        await dialog.Locator(".mud-dialog-actions button", new LocatorLocatorOptions { HasText = answer }).First.ClickAsync();
    }

    public static Task ScreenshotAsync(IPage page, string name) =>
        page.ScreenshotAsync(new PageScreenshotOptions { Path = Path.Combine(ScreenshotDirectory, name + ".png"), FullPage = false });

    /// <summary>
    /// Chooses a value in a board filter until the address follows. On a loaded machine a choice made while the board renders
    /// again after its data arrived can be lost with the element it was made on: choose again, as a user would.
    /// </summary>
    public static async Task ChooseUntilUrlAsync(IPage page, string select, string value, Func<string, bool> url)
    {
        for (var attempt = 1; ; attempt++)
        {
            await page.Locator(select).SelectOptionAsync(value);
            try
            {
                await page.WaitForURLAsync(url, new PageWaitForURLOptions { Timeout = 10000 });
                return;
            }
            catch (TimeoutException) when (attempt < 3)
            {
                await page.Locator(select).SelectOptionAsync("");
            }
        }
    }
}
