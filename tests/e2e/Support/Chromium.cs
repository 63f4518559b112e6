using Microsoft.Playwright;

namespace ResellerKit.Tests.E2e.Support;

/// <summary>Debian's Chromium driven by Playwright (which cannot download its own browsers here).</summary>
public sealed class Chromium : IAsyncLifetime
{
    private IPlaywright? playwright;

    public IBrowser Browser { get; private set; } = default!;

    public static string ExecutablePath =>
        Environment.GetEnvironmentVariable("RESELLERKIT_CHROMIUM") is { Length: > 0 } path ? path : "/usr/bin/chromium";

    public static async Task<(IPlaywright Playwright, IBrowser Browser)> LaunchAsync()
    {
        var playwright = await Playwright.CreateAsync();
        var browser = await playwright.Chromium.LaunchAsync(new BrowserTypeLaunchOptions
        {
            ExecutablePath = ExecutablePath,
            Headless = true,
            Args =
            [
                "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run", "--disable-background-networking",
                "--disable-component-update", "--disable-sync",
            ],
        });
        return (playwright, browser);
    }

    public async ValueTask InitializeAsync() => (playwright, Browser) = await LaunchAsync();

    /// <summary>A fresh browser profile: its own cookies, like a different person on a different machine (or the same person again, from a saved storage state).</summary>
    public async Task<IPage> NewPageAsync(string? storageState = null)
    {
        var context = await Browser.NewContextAsync(new BrowserNewContextOptions { ViewportSize = new ViewportSize { Width = 1280, Height = 900 }, StorageState = storageState });
        return await context.NewPageAsync();
    }

    /// <summary>The page at 1280 and at 375 px (<c>{name}-1280.png</c>, <c>{name}-375.png</c>), left at 1280.</summary>
    public static async Task ScreenshotsAsync(IPage page, string name)
    {
        await page.SetViewportSizeAsync(1280, 900);
        await ScreenshotAsync(page, name + "-1280");
        await page.SetViewportSizeAsync(375, 812);
        await ScreenshotAsync(page, name + "-375");
        await page.SetViewportSizeAsync(1280, 900);
    }

    public static async Task ScreenshotAsync(IPage page, string name) =>
        await page.ScreenshotAsync(new PageScreenshotOptions { Path = Path.Combine(Repository.Artifacts("screenshots"), name + ".png"), FullPage = true });

    public async ValueTask DisposeAsync()
    {
        if (Browser is not null) await Browser.DisposeAsync();
        playwright?.Dispose();
    }
}
