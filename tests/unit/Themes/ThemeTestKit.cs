using Microsoft.Extensions.DependencyInjection;
using ResellerKit.Themes;
using ResellerKit.Themes.Email;
using ResellerKit.Themes.Lint;
using ResellerKit.Themes.Packages;
using ResellerKit.Themes.Preview;
using ResellerKit.Themes.Rendering;
using ResellerKit.Themes.Views;

namespace ResellerKit.Tests.Unit.Themes;

/// <summary>The theme services as the host registers them, and small themes written inline by the tests.</summary>
public sealed class ThemeTestKit
{
    /// <summary>A secret of the kind an agency's entities and services hold; it must never appear in any output.</summary>
    public const string Secret = "sk_live_NEVER_SHOW_7f3a9c";

    /// <summary>
    /// The default budgets with a time budget no machine reaches, and the kit's default: a cold, busy 2-core runner must
    /// not stop an ordinary render (or one that tests another budget) at the 200 ms time budget. The one test of the time
    /// budget asks for it explicitly.
    /// </summary>
    public static readonly ThemeLimits Unhurried = ThemeLimits.Default with { TimeBudget = TimeSpan.FromSeconds(30) };

    public ThemeTestKit(ThemeLimits? limits = null)
    {
        var services = new ServiceCollection().AddThemes(limits ?? Unhurried).BuildServiceProvider();
        Renderer = services.GetRequiredService<ThemeRenderer>();
        Emails = services.GetRequiredService<EmailRenderer>();
        Linter = services.GetRequiredService<ThemeLinter>();
        Cache = services.GetRequiredService<ThemeCache>();
        Options = services.GetRequiredService<Fluid.TemplateOptions>();
        Parser = services.GetRequiredService<Fluid.FluidParser>();
    }

    /// <summary>The one <see cref="Fluid.TemplateOptions"/> the host renders every theme with (allow-list, limits).</summary>
    public Fluid.TemplateOptions Options { get; }

    public Fluid.FluidParser Parser { get; }

    public ThemeRenderer Renderer { get; }

    public EmailRenderer Emails { get; }

    public ThemeLinter Linter { get; }

    public ThemeCache Cache { get; }

    /// <summary>A theme whose layout prints only the page, plus the given files.</summary>
    public static ThemeSource Inline(string index, params (string Path, string Content)[] files)
    {
        var all = new Dictionary<string, string>
        {
            [ThemePaths.Layout] = "{{ content_for_layout }}",
            ["templates/index.liquid"] = index,
        };
        foreach (var (path, content) in files)
        {
            all[path] = content;
        }

        return ThemeSource.FromFiles("agency-test", all);
    }

    public static StorefrontView Model(CustomerView? customer = null) =>
        DemoStorefront.Page("index", customer) with { Packs = [new PackView("p1", "Starter", 100, new MoneyView(1500, "usd"), "15", null, "/checkout")] };

    public Task<RenderResult> RenderAsync(ThemeSource theme, StorefrontView? model = null, string template = "templates/index.liquid") =>
        Renderer.RenderAsync(theme, template, model ?? Model(), TestContext.Current.CancellationToken);

    /// <summary>Renders a template of a built-in theme (with the agency's settings, if any) and returns its HTML, failing the test on a render error.</summary>
    public async Task<string> BuiltInHtmlAsync(string theme, string template, StorefrontView model, System.Text.Json.Nodes.JsonObject? settings = null)
    {
        var result = await Renderer.RenderAsync(ThemeSource.Create("agency-demo", theme, settings: settings), ThemePaths.Template(template), model,
            TestContext.Current.CancellationToken);
        result.Error.ShouldBeNull();
        return result.Html!;
    }

    /// <summary>Renders an inline index template and returns its HTML, failing the test on a render error.</summary>
    public async Task<string> HtmlAsync(string index, StorefrontView? model = null)
    {
        var result = await RenderAsync(Inline(index), model);
        result.Error.ShouldBeNull();
        return result.Html!;
    }
}
