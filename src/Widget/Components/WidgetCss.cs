using System.Globalization;
using System.Text.RegularExpressions;
using ResellerKit.Widget.Data;

namespace ResellerKit.Widget.Components;

/// <summary>The widget's stylesheet. Colours and fonts come in as CSS custom properties, so the host page may override them too.</summary>
public static partial class WidgetCss
{
    /// <summary>The theme's values as custom properties on the host element; any value that is not plainly safe is dropped.</summary>
    public static string Variables(ThemeVars t) => string.Create(CultureInfo.InvariantCulture,
        $":host{{--rk-accent:{Safe(t.Accent)};--rk-accent-text:{Safe(t.AccentText)};--rk-surface:{Safe(t.Surface)};" +
        $"--rk-text:{Safe(t.Text)};--rk-radius:{Math.Clamp(t.RadiusPx, 0, 32)}px;" +
        $"--rk-font:{Safe(t.BodyFont)};--rk-heading-font:{Safe(t.HeadingFont)}}}");

    private static string Safe(string value) => SafeValue().IsMatch(value) ? value : "initial";

    [GeneratedRegex(@"^[#0-9A-Za-z ,.\-]{1,200}$")]
    private static partial Regex SafeValue();

    public const string Base = """
        :host{display:block;min-height:22rem;contain:layout;--rk-muted:color-mix(in srgb,var(--rk-text) 68%,transparent);color:var(--rk-text);font-family:var(--rk-font);line-height:1.5}
        *,*::before,*::after{box-sizing:border-box}
        .rk{background:var(--rk-surface);color:var(--rk-text);border-radius:var(--rk-radius);padding:1.25rem;min-height:22rem;
          border:1px solid color-mix(in srgb,var(--rk-text) 14%,transparent)}
        .rk-title{font-family:var(--rk-heading-font);font-size:1.25rem;margin:0 0 .75rem}
        .rk-subtitle{font-size:.95rem;margin:1rem 0 .25rem}
        .rk-sr{position:absolute;width:1px;height:1px;overflow:hidden;clip:rect(0 0 0 0);white-space:nowrap}
        .rk-muted{color:var(--rk-muted);font-size:.875rem;margin:0}
        .rk-packs{list-style:none;padding:0;margin:0;display:grid;gap:.75rem;grid-template-columns:repeat(auto-fill,minmax(10rem,1fr))}
        .rk-pack{position:relative;display:flex;flex-direction:column;gap:.25rem;padding:1rem;min-height:11rem;border-radius:var(--rk-radius);
          border:1px solid color-mix(in srgb,var(--rk-text) 18%,transparent)}
        .rk-highlight{border:2px solid var(--rk-accent)}
        .rk-badge{position:absolute;top:-.7rem;left:.75rem;max-width:calc(100% - 1.5rem);overflow-wrap:anywhere;margin:0;padding:0 .5rem;border-radius:.6rem;background:var(--rk-accent);
          color:var(--rk-accent-text);font-size:.75rem;font-weight:700}
        .rk-pack-name{font-family:var(--rk-heading-font);font-size:1rem;margin:0}
        .rk-pack-credits{margin:0}
        .rk-price{font-size:1.5rem;font-weight:700;margin:0}
        .rk-button{display:inline-block;margin-top:auto;padding:.55rem 1rem;border:2px solid var(--rk-accent);border-radius:calc(var(--rk-radius) / 2 + 2px);
          background:var(--rk-accent);color:var(--rk-accent-text);font:inherit;font-weight:600;text-decoration:none;text-align:center;cursor:pointer}
        .rk-button:disabled{opacity:.55;cursor:progress}
        :focus-visible{outline:3px solid var(--rk-accent);outline-offset:2px}
        .rk-account{margin-bottom:1.25rem} .rk-stats{display:flex;flex-wrap:wrap;gap:1.5rem;margin:0 0 .5rem}
        .rk-stat dt{font-size:.8rem;color:var(--rk-muted)} .rk-stat dd{margin:0;font-size:1.5rem;font-weight:700}
        .rk-usage{list-style:none;padding:0;margin:0 0 1rem;font-size:.875rem}
        .rk-usage li{display:flex;gap:.5rem;padding:.2rem 0;border-bottom:1px solid color-mix(in srgb,var(--rk-text) 10%,transparent)}
        .rk-usage li span:first-child{flex:1}
        .rk-num{font-variant-numeric:tabular-nums}
        .rk-signed-out,.rk-notice{display:flex;flex-wrap:wrap;align-items:center;justify-content:space-between;gap:.75rem;margin:0 0 1rem;
          padding:.75rem 1rem;border-radius:var(--rk-radius);background:color-mix(in srgb,var(--rk-accent) 10%,transparent)}
        .rk-signed-out p{margin:0}
        .rk-custom{margin-top:1rem}
        .rk-custom label{display:block;font-weight:600;margin-bottom:.25rem}
        .rk-custom-row{display:flex;gap:.5rem;flex-wrap:wrap}
        .rk-custom input{flex:1;min-width:7rem;font:inherit;padding:.5rem .75rem;color:var(--rk-text);background:var(--rk-surface);
          border:1px solid var(--rk-muted);border-radius:calc(var(--rk-radius) / 2)}
        .rk-status{min-height:1.5rem;margin-top:.75rem} .rk-status p{margin:0}
        .rk-error{color:#b91c1c}
        .rk-skeleton{background:color-mix(in srgb,var(--rk-text) 8%,transparent);border:0}
        .rk-skeleton-title{height:1.5rem;width:40%;border-radius:4px;margin-bottom:1rem}
        :host([data-offline]) .rk{opacity:.6;pointer-events:none}
        .rk-unavailable{display:grid;place-items:center;min-height:19rem;text-align:center;color:var(--rk-muted)}
        @media (prefers-reduced-motion:no-preference){.rk-skeleton{animation:rk-pulse 1.2s ease-in-out infinite alternate}}
        @keyframes rk-pulse{to{opacity:.5}}
        """;
}
