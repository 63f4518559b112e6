using Fluid;
using Fluid.Values;
using ResellerKit.Themes.Rendering.Budget;
using ResellerKit.Themes.Views;

namespace ResellerKit.Themes.Rendering.Filters;

/// <summary>
/// <c>{{ pack.price | money }}</c> formats a <see cref="MoneyView"/>; <c>{{ 1500 | money: 'eur' }}</c> formats minor units
/// of a currency (the shop's when none is given). The shop's locale decides separators and symbol placement.
/// </summary>
internal static class MoneyFilter
{
    public const string Name = "money";

    public static ValueTask<FluidValue> Apply(FluidValue input, FilterArguments arguments, TemplateContext context)
    {
        var shop = RenderState.Of(context)?.Shop;
        var (amount, currency) = input.ToObjectValue(context) switch
        {
            MoneyView money => (money.Amount, money.Currency),
            _ when input.Type == FluidValues.Number => (
                (long)input.ToNumberValue(context),
                CurrencyArgument(arguments, context) ?? shop?.Currency ?? "usd"),
            _ => (0L, ""),
        };

        return currency.Length == 0
            ? new ValueTask<FluidValue>(NilValue.Instance)
            : new ValueTask<FluidValue>(StringValue.Create(MoneyFormatter.Format(amount, currency, context.CultureInfo)));
    }

    private static string? CurrencyArgument(FilterArguments arguments, TemplateContext context)
    {
        var value = arguments.HasNamed("currency") ? arguments["currency"] : arguments.At(0);
        return value.IsNil() ? null : value.ToStringValue(context);
    }
}
