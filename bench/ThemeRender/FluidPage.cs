using Microsoft.Extensions.DependencyInjection;
using ResellerKit.Themes;
using ResellerKit.Themes.Packages;
using ResellerKit.Themes.Rendering;

namespace ResellerKit.Bench.ThemeRender;

/// <summary>
/// The page through ResellerKit's own <see cref="ThemeRenderer"/>, as the storefront calls it: a new context per
/// render, the view-model allow-list, HTML escaping, the step, time, size and nesting guards, cached parsed files.
/// </summary>
internal sealed class FluidPage(ThemeRenderer renderer, ThemeSource theme)
{
    public static FluidPage Create(PortableTheme theme)
    {
        var services = new ServiceCollection().AddThemes().BuildServiceProvider();
        return new FluidPage(services.GetRequiredService<ThemeRenderer>(), ThemeSource.FromFiles("bench", theme.Files));
    }

    public async ValueTask<string> RenderAsync()
    {
        var result = await renderer.RenderAsync(theme, PortableTheme.Page, PageData.Model, CancellationToken.None);
        return result.IsSuccess ? result.Html : throw new InvalidOperationException($"ThemeRenderer failed: {result.Error}");
    }
}
