using System.Globalization;
using System.Text.Encodings.Web;
using System.Text.Unicode;
using Fluid;
using Fluid.Values;
using ResellerKit.Themes.Packages;
using ResellerKit.Themes.Rendering.Budget;
using ResellerKit.Themes.Settings;
using ResellerKit.Themes.Views;
using TimeZoneConverter;

namespace ResellerKit.Themes.Rendering;

/// <summary>
/// One render of one theme: a new <see cref="TemplateContext"/> over the view model (allow-listed members only), the
/// shop's culture and time zone, the theme's settings, a clock that cancels it when its time budget is spent, and
/// HTML escaping of every output.
/// </summary>
internal sealed class RenderSession : IDisposable
{
    /// <summary>Escapes &lt; &gt; & " ' but keeps every other character as is, so that € and ä stay readable.</summary>
    private static readonly HtmlEncoder Html = HtmlEncoder.Create(UnicodeRanges.All);

    // Set once any file has rendered in this process: from then on agency code gets the short time budget.
    private static volatile bool warm;

    private readonly CancellationTokenSource clock;
    private readonly RenderState state;
    private readonly TemplateContext context;

    public RenderSession(
        TemplateOptions options, ThemeCache cache, ThemeLimits limits, ThemeSource theme, object model, AgencyBrandView shop, UrlsView? urls, CancellationToken ct)
    {
        clock = CancellationTokenSource.CreateLinkedTokenSource(ct);
        if (theme.HasAgencyFiles)
        {
            // The time budget is for agency code; ResellerKit's own templates are not stopped by a slow machine, nor is the
            // first page of a freshly started process by the JIT.
            clock.CancelAfter(warm ? limits.TimeBudget : limits.ColdTimeBudget);
        }
        state = new RenderState(theme, limits, cache) { Shop = shop, Urls = urls };
        context = new TemplateContext(model, options)
        {
            CultureInfo = Culture(shop.Locale),
            TimeZone = TZConvert.TryGetTimeZoneInfo(shop.TimeZone, out var zone) ? zone : TimeZoneInfo.Utc,
            CancellationToken = clock.Token,
        };
        state.Attach(context);
        context.SetValue("settings", FluidValue.Create(new Dictionary<string, object?>(Settings(theme, cache)), options));
    }

    public IReadOnlyDictionary<string, string> Captures => state.Captures;

    /// <summary>What the render skipped without stopping, if anything (<see cref="RenderResult.Problem"/>).</summary>
    public ThemeError? Problem => state.Problem;

    /// <summary>Runs one theme file and returns its HTML; throws what <see cref="Failure"/> turns into a <see cref="ThemeError"/>.</summary>
    public async Task<string> RenderAsync(string path)
    {
        if (state.Theme.TotalChars > state.Limits.MaxThemeChars)
        {
            var message = $"The theme has more than {state.Limits.MaxThemeChars:N0} characters of files.";
            throw new ThemeRenderException(message, new ThemeError(path, 0, 0, message, ThemeLimit.ThemeSize));
        }

        var (template, error) = state.Cache.Template(state.Theme, path);
        if (template is null)
        {
            throw new ThemeRenderException(error!.Message, error);
        }

        state.CurrentPath = path;
        var html = await template.Template.RenderAsync(context, Html, isolateContext: false);
        warm = true;
        return html;
    }

    /// <summary>Makes a value visible to the next file rendered, such as <c>content_for_layout</c>.</summary>
    public void SetValue(string name, FluidValue value) => context.SetValue(name, value);

    /// <summary>The error of a failed render. The caller's own cancellation is not the theme's fault: callers filter it out first.</summary>
    public ThemeError Failure(Exception failure) => RenderFailures.ToError(failure, state.CurrentPath, state.Limits);

    public void Dispose() => clock.Dispose();

    private static IReadOnlyDictionary<string, object?> Settings(ThemeSource theme, ThemeCache cache) =>
        theme.ReadFile(ThemePaths.SettingsSchema) is { } json
            ? theme.ResolveSettings(cache.Get(theme, ThemePaths.SettingsSchema, json, SettingsSchema.Parse))
            : new Dictionary<string, object?>();

    private static CultureInfo Culture(string locale)
    {
        try
        {
            return CultureInfo.GetCultureInfo(locale);
        }
        catch (CultureNotFoundException)
        {
            return CultureInfo.GetCultureInfo("en-US");
        }
    }
}
