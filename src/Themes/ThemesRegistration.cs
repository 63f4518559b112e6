using Microsoft.Extensions.DependencyInjection;
using ResellerKit.Themes.Email;
using ResellerKit.Themes.Lint;
using ResellerKit.Themes.Rendering;
using ResellerKit.Themes.Rendering.Compilation;

namespace ResellerKit.Themes;

public static class ThemesRegistration
{
    /// <summary>
    /// Registers the theme engine: one Fluid parser and one <see cref="Fluid.TemplateOptions"/> (allow-listed view
    /// models, guarded filters, limits), the template cache, and the storefront, email and lint services.
    /// </summary>
    public static IServiceCollection AddThemes(this IServiceCollection services, ThemeLimits? limits = null)
    {
        var budget = limits ?? ThemeLimits.Default;
        var parser = ThemeTemplateOptions.CreateParser(budget);
        services.AddSingleton(budget);
        services.AddSingleton(parser);
        services.AddSingleton(ThemeTemplateOptions.Create(budget));
        services.AddSingleton(new ThemeCache(new TemplateCompiler(parser, budget), budget));
        services.AddSingleton<ThemeRenderer>();
        services.AddSingleton<EmailRenderer>();
        services.AddSingleton<ThemeLinter>();
        return services;
    }
}
