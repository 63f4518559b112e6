using Microsoft.Playwright;

namespace ResellerKit.Bench.Widget;

/// <summary>Debian's Chromium (Playwright cannot download browsers here), headless, with background traffic off.</summary>
public static class Chromium
{
    public static Task<IBrowser> LaunchAsync(IPlaywright playwright) => playwright.Chromium.LaunchAsync(new()
    {
        ExecutablePath = Environment.GetEnvironmentVariable("RESELLERKIT_CHROMIUM") is { Length: > 0 } path ? path : "/usr/bin/chromium",
        Headless = true,
        Args =
        [
            "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run", "--disable-background-networking",
            "--disable-component-update", "--disable-sync", "--renderer-process-limit=8",
            "--disable-renderer-backgrounding", "--disable-background-timer-throttling",
        ],
    });
}
