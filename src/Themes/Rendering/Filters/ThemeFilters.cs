using Fluid;

namespace ResellerKit.Themes.Rendering.Filters;

/// <summary>The filters a theme may use: Fluid's standard ones less <c>json</c>, plus ResellerKit's, all guarded.</summary>
public static class ThemeFilters
{
    /// <summary>
    /// Removed: <c>json</c> serialises whole .NET objects with System.Text.Json, bypassing the member allow-list.
    /// </summary>
    public static readonly IReadOnlySet<string> Removed = new HashSet<string>(StringComparer.Ordinal) { "json" };

    internal static void Configure(FilterCollection filters)
    {
        foreach (var name in Removed)
        {
            filters.Remove(name);
        }

        filters.TryGetValue(DateFilter.Name, out var strftime);
        filters.AddFilter(DateFilter.Name, new DateFilter(strftime).Apply);
        filters.AddFilter(MoneyFilter.Name, MoneyFilter.Apply);
        filters.AddFilter(NumberFilter.Name, NumberFilter.Apply);
        filters.AddFilter(AssetUrlFilter.Name, AssetUrlFilter.Apply);
        filters.AddFilter(TranslateFilter.Name, TranslateFilter.Apply);

        foreach (var (name, filter) in filters.ToList())
        {
            filters.AddFilter(name, FilterGuard.Wrap(filter));
        }
    }

    /// <summary>Every filter name a theme may use, for the lint.</summary>
    public static IReadOnlySet<string> Names(TemplateOptions options) =>
        options.Filters.Select(f => f.Key).ToHashSet(StringComparer.Ordinal);
}
