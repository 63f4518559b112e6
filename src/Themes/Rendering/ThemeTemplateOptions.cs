using System.Globalization;
using Fluid;
using ResellerKit.Themes.Rendering.Budget;
using ResellerKit.Themes.Rendering.Filters;

namespace ResellerKit.Themes.Rendering;

/// <summary>Builds the one <see cref="TemplateOptions"/> and the one <see cref="FluidParser"/> every theme render shares.</summary>
public static class ThemeTemplateOptions
{
    /// <summary>
    /// Fluid 3's limits all default to unlimited; each is set here from <paramref name="limits"/>. render and include
    /// are rewritten to read the theme's own snippets, so Fluid's file provider stays the default empty one.
    /// </summary>
    public static TemplateOptions Create(ThemeLimits limits) => new TemplateOptionsBuilder()
        .WithMaxSteps(limits.MaxSteps)
        .WithMaxRecursion(limits.MaxRecursion)
        .WithMaxOutputSize(limits.MaxOutputChars)
        .WithMaxCollectionSize(limits.MaxCollectionItems)
        .WithCultureInfo(CultureInfo.InvariantCulture)
        .WithTimeZone(TimeZoneInfo.Utc)
        .WithMemberAccessStrategy(() => new ViewModelMemberAccess(ViewModelTypes.All))
        .WithCaptured((identifier, value, context) =>
        {
            if (RenderState.Of(context) is { } state)
            {
                state.Charge(value, context);
                state.Captures[identifier] = value.ToStringValue(context);
            }

            return new ValueTask<Fluid.Values.FluidValue>(value);
        })
        .ConfigureFilters(ThemeFilters.Configure)
        .Build();

    /// <summary>The parser: no <c>{% liquid %}</c> tag and no functions or macros, and a depth limit that keeps its stack bounded.</summary>
    public static FluidParser CreateParser(ThemeLimits limits)
    {
        var parser = new FluidParser(new FluidParserOptions
        {
            AllowLiquidTag = false, AllowFunctions = false, MaxRecursionDepth = limits.MaxParserDepth,
        });
        parser.RegisteredTags.Remove("liquid");
        return parser;
    }
}
