using Fluid;
using Fluid.Values;
using ResellerKit.Themes.Packages;
using ResellerKit.Themes.Rendering.Compilation;
using ResellerKit.Themes.Views;

namespace ResellerKit.Themes.Rendering.Budget;

/// <summary>
/// The state of one render, kept in the <see cref="TemplateContext"/>: the theme being rendered, the budget left, the
/// file currently running (for error positions), and what filters need (links, translations).
/// </summary>
internal sealed class RenderState(
    ThemeSource theme,
    ThemeLimits limits,
    ThemeCache cache,
    CancellationToken timeout,
    CancellationToken caller)
{
    private const string Key = "ResellerKit.RenderState";

    public ThemeSource Theme { get; } = theme;

    public ThemeLimits Limits { get; } = limits;

    public ThemeCache Cache { get; } = cache;

    /// <summary>The theme file whose statements run now; an error is reported against it.</summary>
    public string CurrentPath { get; set; } = "";

    public int SnippetDepth { get; set; }

    public AgencyBrandView? Shop { get; init; }

    public UrlsView? Urls { get; init; }

    /// <summary>The text of every <c>capture</c>, last one wins; emails read their subject and text body from here.</summary>
    public Dictionary<string, string> Captures { get; } = new(StringComparer.Ordinal);

    public void Attach(TemplateContext context) => context.AmbientValues[Key] = this;

    public static RenderState? Of(TemplateContext context) =>
        context.AmbientValues.TryGetValue(Key, out var value) ? value as RenderState : null;

    public static RenderState Require(TemplateContext context, string feature) =>
        Of(context) ?? throw new InvalidOperationException($"{feature} runs only inside a ResellerKit theme render.");

    /// <summary>Stops the render when its time is up (or the caller gave up). Called on every write, filter, loop turn and snippet.</summary>
    public void Checkpoint()
    {
        if (!timeout.IsCancellationRequested)
        {
            return;
        }

        caller.ThrowIfCancellationRequested();
        throw new ThemeRenderException($"The page took longer than {Limits.Timeout.TotalSeconds:0.#} s to render.", limit: "time");
    }

    /// <summary>Refuses a value that is larger than a template may build.</summary>
    public void CheckSize(FluidValue value)
    {
        switch (value)
        {
            case StringValue text when text.ToStringValue().Length > Limits.MaxStringChars:
                throw new ThemeRenderException($"A text value is longer than {Limits.MaxStringChars:N0} characters.", limit: "text");
            case ArrayValue array when array.Values.Count > Limits.MaxArrayItems:
                throw new ThemeRenderException($"A list has more than {Limits.MaxArrayItems:N0} items.", limit: "list");
        }
    }
}
