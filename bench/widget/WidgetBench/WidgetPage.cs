using Microsoft.Playwright;

namespace ResellerKit.Bench.Widget;

/// <summary>What the bench reads off a page with the widget.</summary>
public static class WidgetPage
{
    // Interactive: the rendered "Buy Starter" button inside the shadow root is enabled (the first screen's or the live
    // widget's: both start the checkout). Watched from navigation start, every animation frame, by Watch when the page
    // has it (Playwright's own poll only starts once the page's load event reached the driver, late on a busy machine).
    private const string Interactive = """
        () => {
          if (window.__rkInteractiveAt) return window.__rkInteractiveAt;
          const button = document.querySelector('resellerkit-credits')?.shadowRoot?.querySelector('button[aria-label="Buy Starter"]');
          return button && !button.disabled ? performance.now() : null;
        }
        """;

    /// <summary>An init script that notes when the widget first became interactive, checked every animation frame.</summary>
    public const string Watch = """
        (() => {
          const look = () => {
            const button = document.querySelector('resellerkit-credits')?.shadowRoot?.querySelector('button[aria-label="Buy Starter"]');
            if (button && !button.disabled) window.__rkInteractiveAt = performance.now();
            else requestAnimationFrame(look);
          };
          requestAnimationFrame(look);
        })();
        """;

    /// <summary>
    /// Diagnostics (WIDGET_TIMINGS=1), on the page's own clock: when the socket opened, its frames arrived, the shadow
    /// root first held the packs, and Blazor's script started. Read with <see cref="TimelineAsync"/>.
    /// </summary>
    public const string Timeline = """
        (() => {
          const marks = window.__rkMarks = [];
          const mark = name => marks.push(`${performance.now().toFixed(0)} ${name}`);
          const Socket = window.WebSocket;
          window.WebSocket = class extends Socket {
            constructor(...a) {
              super(...a); mark('socket created'); let n = 0;
              this.addEventListener('open', () => mark('socket open'));
              this.addEventListener('message', e => { if (n++ < 8) mark(`socket frame in #${n} ${e.data.size ?? e.data.length} B`); });
              const send = this.send.bind(this); let m = 0;
              this.send = d => { if (m++ < 8) mark(`socket frame out #${m} ${d.byteLength ?? d.size ?? d.length} B`); send(d); };
            }
          };
          const seen = new Set();
          const look = () => {
            const root = document.querySelector('resellerkit-credits')?.shadowRoot;
            const has = (what, sel) => { if (!seen.has(what) && root?.querySelector(sel)) { seen.add(what); mark(what); } };
            if (window.Blazor && !seen.has('Blazor defined')) { seen.add('Blazor defined'); mark('Blazor defined'); }
            has('loading shown', '[role=status]');
            has('Buy Starter rendered', 'button[aria-label="Buy Starter"]');
            has('Buy Starter enabled', 'button[aria-label="Buy Starter"]:not([disabled])');
            if (seen.size < 4) requestAnimationFrame(look);
          };
          requestAnimationFrame(look);
        })();
        """;

    public static async Task<string> TimelineAsync(IPage page) =>
        await page.EvaluateAsync<string>("() => (window.__rkMarks || []).join('\\n')");

    /// <summary>Milliseconds from the start of navigation until the widget is interactive (checked every animation frame).</summary>
    public static async Task<double> InteractiveAtAsync(IPage page, float timeoutMs = 60_000)
    {
        var handle = await page.WaitForFunctionAsync(Interactive, null, new() { Timeout = timeoutMs });
        return await handle.JsonValueAsync<double>();
    }
}
