using Fluid;
using Fluid.Values;
using ResellerKit.Themes.Rendering.Budget;
using ResellerKit.Themes.Views;

namespace ResellerKit.Themes.Rendering.Filters;

/// <summary>
/// <c>{{ pack.price | money }}</c> formats a <see cref="MoneyView"/>; <c>{{ 1500 | money: 'eur' }}</c> formats minor units
/// of a currency (the shop's when none is given), and so does a price per credit, which may hold fractions of a minor
/// unit (<c>{{ pack.price_per_credit | money: pack.price.currency }}</c> is <c>$0.015</c>). The shop's locale decides
/// separators and symbol placement.
/// </summary>
internal static class MoneyFilter
{
    public const string Name = "money";

    public static ValueTask<FluidValue> Apply(FluidValue input, FilterArguments arguments, TemplateContext context)
    {
        var shop = RenderState.Of(context)?.Shop;
        var text = input.ToObjectValue(context) switch
        {
            MoneyView money => MoneyFormatter.Format(money.Amount, money.Currency, context.CultureInfo),
            _ when Minor(input, context) is { } minor => MoneyFormatter.FormatFractional(
                minor, CurrencyArgument(arguments, context) ?? shop?.Currency ?? "usd", context.CultureInfo),
            _ => null,
        };

        return text is null ? new ValueTask<FluidValue>(NilValue.Instance) : new ValueTask<FluidValue>(StringValue.Create(text));
    }

    // A number, or a decimal string as view models carry prices per credit ("1.5").
    private static decimal? Minor(FluidValue input, TemplateContext context) => input.Type switch
    {
        FluidValues.Number => input.ToNumberValue(context),
        FluidValues.String when decimal.TryParse(input.ToStringValue(context), System.Globalization.NumberStyles.AllowDecimalPoint,
            System.Globalization.CultureInfo.InvariantCulture, out var parsed) => parsed,
        _ => null,
    };

    private static string? CurrencyArgument(FilterArguments arguments, TemplateContext context)
    {
        var value = arguments.HasNamed("currency") ? arguments["currency"] : arguments.At(0);
        return value.IsNil() ? null : value.ToStringValue(context);
    }
}
