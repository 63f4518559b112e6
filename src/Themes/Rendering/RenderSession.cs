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
/// shop's culture and time zone, the theme's settings, a clock that stops it after the timeout, and HTML escaping
/// of every output.
/// </summary>
internal sealed class RenderSession : IDisposable
{
    /// <summary>Escapes &lt; &gt; & " ' but keeps every other character as is, so that € and ä stay readable.</summary>
    private static readonly HtmlEncoder Html = HtmlEncoder.Create(UnicodeRanges.All);

    private readonly CancellationTokenSource clock;
    private readonly RenderState state;
    private readonly TemplateContext context;

    public RenderSession(
        TemplateOptions options, ThemeCache cache, ThemeLimits limits, ThemeSource theme, object model, AgencyBrandView shop, UrlsView? urls, CancellationToken ct)
    {
        clock = CancellationTokenSource.CreateLinkedTokenSource(ct);
        clock.CancelAfter(limits.Timeout);
        state = new RenderState(theme, limits, cache, clock.Token, ct) { Shop = shop, Urls = urls };
        context = new TemplateContext(model, options, allowModelMembers: false)
        {
            CultureInfo = Culture(shop.Locale),
            TimeZone = TZConvert.TryGetTimeZoneInfo(shop.TimeZone, out var zone) ? zone : TimeZoneInfo.Utc,
        };
        state.Attach(context);
        context.SetValue("settings", FluidValue.Create(new Dictionary<string, object?>(Settings(theme, cache)), options));
    }

    public IReadOnlyDictionary<string, string> Captures => state.Captures;

    /// <summary>Runs one theme file and returns its HTML; throws what <see cref="Failure"/> turns into a <see cref="ThemeError"/>.</summary>
    public async Task<string> RenderAsync(string path)
    {
        if (state.Theme.TotalChars > state.Limits.MaxThemeChars)
        {
            throw new ThemeRenderException($"The theme has more than {state.Limits.MaxThemeChars:N0} characters of files.", new ThemeError(path, 0, 0,
                $"The theme has more than {state.Limits.MaxThemeChars:N0} characters of files."), limit: "theme_size");
        }

        var (template, error) = state.Cache.Template(state.Theme, path);
        if (template is null)
        {
            throw new ThemeRenderException(error!.Message, error);
        }

        state.CurrentPath = path;
        using var writer = new CappedWriter(state, state.Limits.MaxOutputChars, "page");
        await template.Template.RenderAsync(writer, Html, context);
        return writer.ToString();
    }

    /// <summary>Makes a value visible to the next file rendered, such as <c>content_for_layout</c>.</summary>
    public void SetValue(string name, FluidValue value) => context.SetValue(name, value);

    public ThemeError Failure(Exception failure)
    {
        ThemeTelemetry.CountLimit(failure);
        return RenderFailures.ToError(failure, state.CurrentPath, state.Limits);
    }

    public void Dispose() => clock.Dispose();

    private static IReadOnlyDictionary<string, object?> Settings(ThemeSource theme, ThemeCache cache) =>
        theme.ReadFile(ThemePaths.SettingsSchema) is { } json
            ? cache.Get(theme, ThemePaths.SettingsSchema, json, SettingsSchema.Parse).Resolve(theme.Settings)
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
