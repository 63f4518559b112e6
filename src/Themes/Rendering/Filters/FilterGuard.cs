using Fluid;
using ResellerKit.Themes.Rendering.Budget;

namespace ResellerKit.Themes.Rendering.Filters;

/// <summary>
/// Wraps every filter: each call honours the render's time budget and charges its result to the memory budget. Fluid 3
/// itself refuses a result larger than the output limit before building it (append, replace, join…).
/// </summary>
internal static class FilterGuard
{
    public static FilterDelegate Wrap(FilterDelegate filter) => async (input, arguments, context) =>
    {
        context.CancellationToken.ThrowIfCancellationRequested();
        var result = await filter(input, arguments, context);
        RenderState.Of(context)?.Charge(result, context);
        return result;
    };
}
