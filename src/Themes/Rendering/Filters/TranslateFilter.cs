using Fluid;
using Fluid.Values;
using ResellerKit.Themes.Packages;
using ResellerKit.Themes.Rendering.Budget;

namespace ResellerKit.Themes.Rendering.Filters;

/// <summary>
/// <c>{{ 'packs.buy' | t: name: pack.name }}</c>: the string for the key in the shop's locale (<c>de-DE.json</c>, then
/// <c>de.json</c>), then in <c>en.json</c>, then the key itself; in each locale the agency's own file first, then the base
/// theme's under it (an agency's copy of a locale lacks the keys its base gained since); <c>{name}</c> placeholders take the named arguments.
/// With a <c>count</c> argument, <c>key.one</c> or <c>key.other</c> is used when <c>key</c> itself is missing.
/// Numbers are written as the shop's locale writes them (<c>2,000 credits</c>, <c>2.000 Credits</c>).
/// The result is plain text and is escaped on output like any other value.
/// </summary>
internal static class TranslateFilter
{
    public const string Name = "t";

    public static ValueTask<FluidValue> Apply(FluidValue input, FilterArguments arguments, TemplateContext context)
    {
        var state = RenderState.Require(context, Name);
        var key = input.ToStringValue(context);
        var text = Lookup(state, key, arguments, context) ?? key;
        foreach (var name in arguments.Names)
        {
            var value = arguments[name];
            var shown = value.Type == FluidValues.Number ? NumberFormatter.Format(value.ToNumberValue(context), context.CultureInfo) : value.ToStringValue(context);
            text = text.Replace("{" + name + "}", shown, StringComparison.Ordinal);
        }

        return new ValueTask<FluidValue>(StringValue.Create(text));
    }

    /// <summary>The locales tried for a shop locale, most specific first: de-DE, de, en.</summary>
    public static IEnumerable<string> Chain(string? locale)
    {
        if (!string.IsNullOrEmpty(locale))
        {
            yield return locale;
            var dash = locale.IndexOf('-');
            if (dash > 0)
            {
                yield return locale[..dash];
            }
        }

        yield return ThemePaths.DefaultLocale;
    }

    private static string? Lookup(RenderState state, string key, FilterArguments arguments, TemplateContext context)
    {
        var plural = arguments.HasNamed("count") ? (arguments["count"].ToNumberValue(context) == 1 ? key + ".one" : key + ".other") : null;
        foreach (var locale in Chain(state.Shop?.Locale).Distinct(StringComparer.OrdinalIgnoreCase))
        {
            var path = ThemePaths.Locale(locale);
            if (Find(state, path, state.Theme.ReadFile(path), key, plural) is { } own)
            {
                return own;
            }
            if (Find(state, "base:" + path, state.Theme.BaseFileUnderOverride(path), key, plural) is { } inBase)
            {
                return inBase;
            }
        }

        return null;
    }

    private static string? Find(RenderState state, string cacheKey, string? json, string key, string? plural)
    {
        if (json is null)
        {
            return null;
        }
        var table = state.Cache.Get(state.Theme, cacheKey, json, LocaleTable.Parse);
        return table.Find(key) ?? (plural is null ? null : table.Find(plural));
    }
}
