using System.Text.Json;
using System.Text.Json.Nodes;
using ResellerKit.Themes.Preview;
using ResellerKit.Themes.Views;

namespace ResellerKit.Bench.ThemeRender;

/// <summary>The one page all engines render: <see cref="DemoStorefront"/>'s signed-out pack page.</summary>
internal static class PageData
{
    private static readonly JsonSerializerOptions SnakeCase = new() { PropertyNamingPolicy = JsonNamingPolicy.SnakeCaseLower };

    /// <summary>The view model ResellerKit renders.</summary>
    public static StorefrontView Model { get; } = DemoStorefront.Page("index");

    /// <summary>
    /// The same model as plain JSON for DotLiquid and Ruby: snake_cased members, as Fluid shows them to templates, plus
    /// the theme's <c>settings</c>, which ResellerKit adds itself.
    /// </summary>
    public static JsonObject ToJson(PortableTheme theme)
    {
        var data = JsonSerializer.SerializeToNode(Model, SnakeCase)!.AsObject();
        data["settings"] = theme.SettingDefaults();
        return data;
    }
}
