using Fluid;
using Fluid.Values;
using ResellerKit.Themes.Packages;
using ResellerKit.Themes.Rendering.Budget;
using ResellerKit.Themes.Views;

namespace ResellerKit.Themes.Rendering;

/// <summary>Renders storefront pages of an agency's theme. Register with <c>services.AddThemes()</c>; it is a singleton.</summary>
public sealed class ThemeRenderer(TemplateOptions options, ThemeCache cache, ThemeLimits limits)
{
    private readonly RenderGate gate = new(limits);

    /// <summary>
    /// Renders <paramref name="template"/> (such as <c>templates/index.liquid</c>) with the model, then
    /// <c>layout/theme.liquid</c> around it (the layout prints <c>{{ content_for_layout }}</c>). A broken or hostile
    /// theme gives a failed result with the file, line and column and the budget it broke; so does an agency whose
    /// renders stayed busy for the whole queue wait (<see cref="ThemeLimit.Concurrency"/>). This method does not throw for
    /// them. It throws <see cref="OperationCanceledException"/> only when <paramref name="ct"/> is cancelled.
    /// </summary>
    public async Task<RenderResult> RenderAsync(ThemeSource theme, string template, StorefrontView model, CancellationToken ct)
    {
        if (!template.StartsWith("templates/", StringComparison.Ordinal))
        {
            return RenderResult.Failure(new ThemeError(template, 0, 0, "Only files of templates/ can be rendered as pages."));
        }

        using var slot = await gate.EnterAsync(theme.AgencyId, ct);
        if (slot is null)
        {
            return ThemeMetrics.Count(RenderResult.Failure(new ThemeError(template, 0, 0,
                "Too many pages of this storefront are rendering at once; try again in a moment.", ThemeLimit.Concurrency)));
        }

        using var session = new RenderSession(options, cache, limits, theme, model, model.Shop, model.Urls, ct);
        try
        {
            var content = await session.RenderAsync(template);
            session.SetValue("content_for_layout", StringValue.Create(content, false));
            return RenderResult.Success(await session.RenderAsync(ThemePaths.Layout), session.Problem);
        }
        catch (Exception failure) when (!ct.IsCancellationRequested && failure is not OutOfMemoryException)
        {
            return ThemeMetrics.Count(RenderResult.Failure(session.Failure(failure)));
        }
    }
}
