using Fluid;
using Fluid.Values;
using ResellerKit.Themes.Rendering.Budget;

namespace ResellerKit.Themes.Rendering.Filters;

/// <summary>
/// Wraps every filter: each call checks the render's clock, refuses inputs that would build an oversized string
/// before it is built (<c>replace</c> and <c>join</c> multiply sizes), and refuses oversized results.
/// </summary>
internal static class FilterGuard
{
    public static FilterDelegate Wrap(string name, FilterDelegate filter) => async (input, arguments, context) =>
    {
        var state = RenderState.Of(context);
        if (state is null)
        {
            return await filter(input, arguments, context);
        }

        state.Checkpoint();
        var projected = ProjectedLength(name, input, arguments);
        if (projected > state.Limits.MaxStringChars)
        {
            throw new ThemeRenderException($"The filter '{name}' would build a text of {projected:N0} characters; the limit is {state.Limits.MaxStringChars:N0}.", limit: "text");
        }

        var result = await filter(input, arguments, context);
        state.CheckSize(result);
        return result;
    };

    /// <summary>An upper bound of the result's length for the filters whose result can be much larger than their input.</summary>
    private static long ProjectedLength(string name, FluidValue input, FilterArguments arguments) => name switch
    {
        "replace" or "replace_first" or "replace_last" => Replaced(input.ToStringValue(), arguments.At(0).ToStringValue(), arguments.At(1).ToStringValue()),
        "join" when input is ArrayValue array => array.Values.Sum(v => (long)v.ToStringValue().Length)
            + (long)Math.Max(0, array.Values.Count - 1) * arguments.At(0).ToStringValue().Length,
        "append" or "prepend" => (long)input.ToStringValue().Length + arguments.At(0).ToStringValue().Length,
        _ => 0,
    };

    private static long Replaced(string text, string search, string replacement)
    {
        if (search.Length == 0 || replacement.Length <= search.Length)
        {
            return text.Length;
        }

        var count = 0L;
        for (var at = text.IndexOf(search, StringComparison.Ordinal); at >= 0; at = text.IndexOf(search, at + search.Length, StringComparison.Ordinal))
        {
            count++;
        }

        return text.Length + count * (replacement.Length - search.Length);
    }
}
