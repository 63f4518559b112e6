using Fluid;
using Fluid.Values;
using ResellerKit.Themes.Packages;
using ResellerKit.Themes.Views;

namespace ResellerKit.Themes.Rendering.Budget;

/// <summary>
/// The state of one render, kept in the <see cref="TemplateContext"/>: the theme being rendered, the budget left, the
/// file currently running (for error positions), and what filters need (links, translations).
/// </summary>
internal sealed class RenderState(ThemeSource theme, ThemeLimits limits, ThemeCache cache)
{
    private const string Key = "ResellerKit.RenderState";

    public ThemeSource Theme { get; } = theme;

    public ThemeLimits Limits { get; } = limits;

    public ThemeCache Cache { get; } = cache;

    /// <summary>The theme file whose statements run now; an error is reported against it.</summary>
    public string CurrentPath { get; set; } = "";

    public int SnippetDepth { get; set; }

    /// <summary>The first thing the render skipped without stopping (a snippet tag naming no snippet), against the file it is in.</summary>
    public ThemeError? Problem { get; private set; }

    public void Skipped(string message) => Problem ??= new ThemeError(CurrentPath, 0, 0, message);

    /// <summary>Bytes of text and lists this render has built so far (see <see cref="ThemeLimits.MaxMemoryBytes"/>).</summary>
    public long MemoryCharged { get; private set; }

    public AgencyBrandView? Shop { get; init; }

    public UrlsView? Urls { get; init; }

    /// <summary>The text of every <c>capture</c>, last one wins; emails read their subject and text body from here.</summary>
    public Dictionary<string, string> Captures { get; } = new(StringComparer.Ordinal);

    public void Attach(TemplateContext context) => context.AmbientValues[Key] = this;

    public static RenderState? Of(TemplateContext context) =>
        context.AmbientValues.TryGetValue(Key, out var value) ? value as RenderState : null;

    public static RenderState Require(TemplateContext context, string feature) =>
        Of(context) ?? throw new InvalidOperationException($"{feature} runs only inside a ResellerKit theme render.");

    /// <summary>
    /// Charges a value the template just built (a filter's result, a capture) against the memory budget. Strings cost
    /// two bytes a character, lists a reference per item (their items were charged when they were built).
    /// </summary>
    public void Charge(FluidValue value, TemplateContext context)
    {
        const int Overhead = 32;
        MemoryCharged += value switch
        {
            StringValue text => Overhead + 2L * text.ToStringValue(context).Length,
            ArrayValue list => Overhead + 8L * list.Values.Count,
            _ => 0,
        };
        if (MemoryCharged > Limits.MaxMemoryBytes)
        {
            throw new ThemeRenderException(
                $"The template built more than {Limits.MaxMemoryBytes / (1024 * 1024):N0} MB of text and lists. Look for a loop that keeps growing a text or a list.",
                limit: ThemeLimit.Memory);
        }
    }
}
