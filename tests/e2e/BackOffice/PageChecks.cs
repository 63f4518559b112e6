using System.Text.RegularExpressions;
using Microsoft.Playwright;

namespace ResellerKit.Tests.E2e.BackOffice;

/// <summary>
/// What a person must never meet on a back-office page, each check named by what it finds: a raw JSON or problem
/// document, an untranslated resource key, a page wider than a 375 px phone, top-bar, switcher or navigation text
/// below WCAG AA contrast (4.5:1), and, for the people an agency serves, the vendor's name.
/// </summary>
public static partial class PageChecks
{
    public const int Phone = 375;

    public const string Vendor = "ResellerKit";

    /// <summary>The problems on the page as it stands, each in one line that names the page.</summary>
    public static async Task<IReadOnlyList<string>> InspectAsync(IPage page, IResponse? response, bool servesAClient)
    {
        var problems = new List<string>();
        var path = new Uri(page.Url).PathAndQuery;
        var text = await page.EvaluateAsync<string>("() => document.body ? document.body.innerText : ''");
        var title = await page.TitleAsync();

        if (response is { Status: >= 500 })
        {
            problems.Add($"{path}: answered {response.Status}");
        }
        var contentType = response is null ? "" : await response.HeaderValueAsync("content-type") ?? "";
        if (contentType.Contains("json", StringComparison.OrdinalIgnoreCase) || RawDocument().IsMatch(text))
        {
            problems.Add($"{path}: shows a raw JSON or problem document: {Shorten(text)}");
        }
        foreach (var key in UntranslatedKeys(text))
        {
            problems.Add($"{path}: shows the untranslated key \"{key}\"");
        }
        foreach (var low in await page.EvaluateAsync<string[]>(ContrastScript))
        {
            problems.Add($"{path}: text below 4.5:1 contrast: {low}");
        }
        if (servesAClient && (title.Contains(Vendor, StringComparison.OrdinalIgnoreCase) || text.Contains(Vendor, StringComparison.OrdinalIgnoreCase)))
        {
            problems.Add($"{path}: shows the vendor's name to a client (title \"{title}\")");
        }
        return problems;
    }

    /// <summary>
    /// The page a submission ended on finishes loading, frames included. Asked of the document itself rather than of
    /// the browser's load events, which a frame on another site may leave unreported; what still loads is named if not.
    /// </summary>
    public static async Task<string?> StillLoadingAsync(IPage page)
    {
        try
        {
            await page.WaitForFunctionAsync("() => document.readyState === 'complete'", null, new() { Timeout = 30_000, PollingInterval = 100 });
            return null;
        }
        catch (TimeoutException)
        {
            string state;
            try
            {
                // A page whose script never yields cannot answer either: its state is asked for with a deadline of its own.
                state = await page.EvaluateAsync<string>("""
                    () => document.readyState + '; frames: ' + [...document.querySelectorAll('iframe')]
                        .map(f => f.src + ' (' + (f.contentDocument ? f.contentDocument.readyState : 'another site') + ')').join(', ')
                    """).WaitAsync(TimeSpan.FromSeconds(5));
            }
            catch (Exception e) when (e is TimeoutException or PlaywrightException)
            {
                state = "the page does not answer";
            }
            return $"{new Uri(page.Url).PathAndQuery}: still loading after 30 s ({state})";
        }
    }

    /// <summary>Opens <paramref name="url"/> and waits until it finished loading (<see cref="StillLoadingAsync"/>).</summary>
    public static async Task<(IResponse? Response, string? Loading)> OpenAsync(IPage page, string url)
    {
        var response = await page.GotoAsync(url, new() { WaitUntil = WaitUntilState.Commit });
        return (response, await StillLoadingAsync(page));
    }

    /// <summary>Reloads the page and waits until it finished loading (<see cref="StillLoadingAsync"/>).</summary>
    public static async Task<string?> ReloadAsync(IPage page)
    {
        await page.ReloadAsync(new() { WaitUntil = WaitUntilState.Commit });
        return await StillLoadingAsync(page);
    }

    /// <summary>At 375 px: the page is no wider than the screen.</summary>
    public static async Task<string?> WiderThanAPhoneAsync(IPage page)
    {
        var width = await page.EvaluateAsync<int>("() => document.documentElement.scrollWidth");
        return width > Phone ? $"{new Uri(page.Url).PathAndQuery}: {width} px wide at {Phone} px" : null;
    }

    /// <summary>
    /// At 375 px: the navigation above the page is no taller than its links (a short page once stretched it into an
    /// empty band between the links and the page).
    /// </summary>
    public static async Task<string?> EmptyBandUnderTheNavigationAsync(IPage page)
    {
        var band = await page.EvaluateAsync<int>("""
            () => {
                const nav = document.querySelector('.sidenav'), links = nav?.querySelector('ul');
                return nav && links ? Math.round(nav.getBoundingClientRect().height - links.getBoundingClientRect().height) : 0;
            }
            """);
        return band > 64 ? $"{new Uri(page.Url).PathAndQuery}: an empty band of {band} px under the navigation at {Phone} px" : null;
    }

    /// <summary>Keys such as <c>purchases.status.fulfilled</c>; host names, emails and file names are not keys.</summary>
    public static IEnumerable<string> UntranslatedKeys(string text) =>
        Key().Matches(text).Select(m => m.Value).Where(k => !NotAKeyEnding().IsMatch(k)).Distinct();

    /// <summary>API words in a message meant for people: a property name such as <c>primaryColor</c> or <c>unitAmountPerCredit</c>.</summary>
    public static IEnumerable<string> ApiWords(string text) => CamelCase().Matches(text).Select(m => m.Value).Distinct();

    private static string Shorten(string text) => text.Length <= 160 ? text : text[..160] + "…";

    [GeneratedRegex(@"^\s*[\{\[]\s*""|""(type|title|status|traceId)""\s*:")]
    private static partial Regex RawDocument();

    [GeneratedRegex(@"(?<![\w@/.:-])[a-z][a-z_]*(?:\.[a-z][a-z_]*){2,}(?![\w/@-]|\.\w)")]
    private static partial Regex Key();

    [GeneratedRegex(@"\.(example|localhost|com|net|org|io|dev|app|local|test|invalid|liquid|json|css|js|html|txt|svg|png)$")]
    private static partial Regex NotAKeyEnding();

    [GeneratedRegex(@"\b[a-z]+[A-Z][A-Za-z]*\b")]
    private static partial Regex CamelCase();

    // Opens the account switcher, then measures every visible piece of text in the top bar, the switcher and the
    // navigation against the background it is painted on (alpha blended up the ancestors).
    private const string ContrastScript = """
        () => {
          document.querySelectorAll('header details').forEach(d => d.open = true);
          document.querySelectorAll('header [aria-expanded="false"]').forEach(b => b.click());
          const parse = c => {
            const m = /rgba?\(([^)]+)\)/.exec(c); if (!m) return null;
            const p = m[1].split(/[\s,\/]+/).filter(Boolean).map(Number);
            return { r: p[0], g: p[1], b: p[2], a: p.length > 3 ? p[3] : 1 };
          };
          const over = (top, base) => ({ r: top.r * top.a + base.r * (1 - top.a), g: top.g * top.a + base.g * (1 - top.a), b: top.b * top.a + base.b * (1 - top.a), a: 1 });
          const lum = c => { const f = v => { v /= 255; return v <= 0.03928 ? v / 12.92 : Math.pow((v + 0.055) / 1.055, 2.4); }; return 0.2126 * f(c.r) + 0.7152 * f(c.g) + 0.0722 * f(c.b); };
          const background = el => {
            const layers = [];
            for (let e = el; e; e = e.parentElement) {
              const s = getComputedStyle(e);
              if (s.backgroundImage && s.backgroundImage !== 'none') return null;
              const c = parse(s.backgroundColor);
              if (c && c.a > 0) { layers.push(c); if (c.a >= 1) break; }
            }
            return layers.reverse().reduce((base, layer) => over(layer, base), { r: 255, g: 255, b: 255, a: 1 });
          };
          const low = [];
          for (const el of document.querySelectorAll('header, header *, nav, nav *')) {
            const own = [...el.childNodes].filter(n => n.nodeType === 3).map(n => n.textContent.trim()).join(' ').trim();
            if (!own || el.getClientRects().length === 0) continue;
            const s = getComputedStyle(el);
            if (s.visibility === 'hidden' || s.display === 'none' || Number(s.opacity) === 0) continue;
            const bg = background(el), fg = parse(s.color);
            if (!bg || !fg) continue;
            const color = over(fg, bg), a = lum(color), b = lum(bg);
            const ratio = (Math.max(a, b) + 0.05) / (Math.min(a, b) + 0.05);
            if (ratio < 4.5) low.push(`"${own.slice(0, 40)}" ${ratio.toFixed(2)}:1 (${s.color} on rgb(${Math.round(bg.r)}, ${Math.round(bg.g)}, ${Math.round(bg.b)}))`);
          }
          return low;
        }
        """;
}
