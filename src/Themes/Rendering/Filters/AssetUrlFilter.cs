using System.Text.RegularExpressions;
using Fluid;
using Fluid.Values;
using ResellerKit.Themes.Rendering.Budget;

namespace ResellerKit.Themes.Rendering.Filters;

/// <summary>
/// <c>{{ 'theme.css' | asset_url }}</c>: the URL the storefront serves <c>assets/theme.css</c> at, with the file's
/// fingerprint (<see cref="Packages.ThemeSource.AssetFingerprint"/>), so a change gives a new URL and browsers may keep each for good.
/// </summary>
internal static partial class AssetUrlFilter
{
    public const string Name = "asset_url";

    public static ValueTask<FluidValue> Apply(FluidValue input, FilterArguments arguments, TemplateContext context)
    {
        var state = RenderState.Require(context, Name);
        var path = input.ToStringValue(context);
        if (!AssetPath().IsMatch(path) || path.Contains("..", StringComparison.Ordinal))
        {
            throw new ThemeRenderException($"asset_url: '{path}' is not the name of a file in assets/.");
        }

        var assets = state.Urls?.Assets
            ?? throw new ThemeRenderException("asset_url works on storefront pages only; emails link images by absolute URL.");
        return new ValueTask<FluidValue>(StringValue.Create($"{assets.TrimEnd('/')}/{Uri.EscapeDataString(path)}?v={state.Theme.AssetFingerprint(path) ?? state.Theme.Version.ToString(System.Globalization.CultureInfo.InvariantCulture)}"));
    }

    [GeneratedRegex("^[A-Za-z0-9][A-Za-z0-9._-]{0,99}$")]
    private static partial Regex AssetPath();
}
