using Microsoft.Playwright;
using ResellerKit.Tests.E2e.Support;

namespace ResellerKit.Tests.E2e.Widget;

/// <summary>One published Storefront, one Chromium and two foreign sites (one allowed, one not) for the widget tests.</summary>
public sealed class WidgetHost : IAsyncLifetime
{
    private IPlaywright? playwright;

    public StorefrontProcess Storefront { get; private set; } = null!;

    public IBrowser Browser { get; private set; } = null!;

    public ForeignSite Site { get; } = new();

    public ForeignSite Stranger { get; } = new();

    public async ValueTask InitializeAsync()
    {
        Storefront = await StorefrontProcess.StartAsync(StorefrontProcess.NewWorkDir(), StorefrontApi.Environment);
        (playwright, Browser) = await Chromium.LaunchAsync();
    }

    public async ValueTask DisposeAsync()
    {
        await Browser.DisposeAsync();
        playwright?.Dispose();
        await Storefront.DisposeAsync();
        await Site.DisposeAsync();
        await Stranger.DisposeAsync();
    }
}
