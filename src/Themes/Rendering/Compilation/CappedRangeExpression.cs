using Fluid;
using Fluid.Ast;
using Fluid.Values;
using ResellerKit.Themes.Rendering.Budget;

namespace ResellerKit.Themes.Rendering.Compilation;

/// <summary>A range <c>(from..to)</c> that refuses to build more than the limit's items; Fluid's own builds any size.</summary>
internal sealed class CappedRangeExpression(Expression from, Expression to) : Expression
{
    public Expression From { get; } = from;

    public Expression To { get; } = to;

    public override async ValueTask<FluidValue> EvaluateAsync(TemplateContext context)
    {
        var state = RenderState.Require(context, "A range");
        state.Checkpoint();
        var start = Convert.ToInt64((await From.EvaluateAsync(context)).ToNumberValue());
        var end = Convert.ToInt64((await To.EvaluateAsync(context)).ToNumberValue());
        var count = end >= start ? end - start + 1 : 0;
        if (count > state.Limits.MaxRangeItems)
        {
            throw new ThemeRenderException($"The range ({start}..{end}) has {count:N0} items; the limit is {state.Limits.MaxRangeItems:N0}.", limit: "range");
        }

        var items = new FluidValue[count];
        for (var i = 0; i < count; i++)
        {
            items[i] = NumberValue.Create(start + i);
        }

        return new ArrayValue(items);
    }
}
