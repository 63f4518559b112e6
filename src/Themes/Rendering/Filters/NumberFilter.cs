using Fluid;
using Fluid.Values;

namespace ResellerKit.Themes.Rendering.Filters;

/// <summary><c>{{ customer.balance | number }}</c>: a number as the shop's locale writes it (<c>2,000</c>, <c>2.000</c>); anything else unchanged.</summary>
internal static class NumberFilter
{
    public const string Name = "number";

    public static ValueTask<FluidValue> Apply(FluidValue input, FilterArguments arguments, TemplateContext context) =>
        input.Type == FluidValues.Number
            ? new ValueTask<FluidValue>(StringValue.Create(NumberFormatter.Format(input.ToNumberValue(context), context.CultureInfo)))
            : new ValueTask<FluidValue>(input);
}
