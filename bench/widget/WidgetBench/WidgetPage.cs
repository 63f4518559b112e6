using Microsoft.Playwright;

namespace ResellerKit.Bench.Widget;

/// <summary>What the bench reads off a page with the widget.</summary>
public static class WidgetPage
{
    // Interactive: the circuit is up and the rendered "Buy Starter" button is enabled inside the shadow root.
    private const string Interactive = """
        () => {
          const button = document.querySelector('resellerkit-credits')?.shadowRoot?.querySelector('button[aria-label="Buy Starter"]');
          return button && !button.disabled ? performance.now() : null;
        }
        """;

    /// <summary>Milliseconds from the start of navigation until the widget is interactive (checked every animation frame).</summary>
    public static async Task<double> InteractiveAtAsync(IPage page, float timeoutMs = 60_000)
    {
        var handle = await page.WaitForFunctionAsync(Interactive, null, new() { Timeout = timeoutMs });
        return await handle.JsonValueAsync<double>();
    }
}
