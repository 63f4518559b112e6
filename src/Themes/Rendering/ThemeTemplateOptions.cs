using System.Globalization;
using Fluid;
using Microsoft.Extensions.FileProviders;
using ResellerKit.Themes.Rendering.Budget;
using ResellerKit.Themes.Rendering.Filters;

namespace ResellerKit.Themes.Rendering;

/// <summary>Builds the one <see cref="TemplateOptions"/> and the one <see cref="FluidParser"/> every theme render shares.</summary>
public static class ThemeTemplateOptions
{
    public static TemplateOptions Create(ThemeLimits limits)
    {
        var options = new TemplateOptions
        {
            MaxSteps = limits.MaxSteps,
            MaxRecursion = limits.MaxRecursion,
            // render and include are rewritten to read the theme's own snippets; Fluid itself may read no file.
            FileProvider = new NullFileProvider(),
            CultureInfo = CultureInfo.InvariantCulture,
            TimeZone = TimeZoneInfo.Utc,
            Assigned = (_, value, context) =>
            {
                if (RenderState.Of(context) is { } state)
                {
                    state.Checkpoint();
                    state.CheckSize(value);
                }

                return new ValueTask<Fluid.Values.FluidValue>(value);
            },
        };

        options.MemberAccessStrategy.MemberNameStrategy = MemberNameStrategies.SnakeCase;
        foreach (var type in ViewModelTypes.All)
        {
            options.MemberAccessStrategy.Register(type);
        }

        ThemeFilters.Configure(options.Filters);
        return options;
    }

    /// <summary>The parser: no <c>{% liquid %}</c> tag (its lines would escape the nesting scan) and no functions or macros.</summary>
    public static FluidParser CreateParser()
    {
        var parser = new FluidParser(new FluidParserOptions { AllowLiquidTag = false, AllowFunctions = false });
        parser.RegisteredTags.Remove("liquid");
        return parser;
    }
}
