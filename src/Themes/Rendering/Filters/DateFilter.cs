using System.Globalization;
using Fluid;
using Fluid.Values;

namespace ResellerKit.Themes.Rendering.Filters;

/// <summary>
/// <c>{{ entry.date | date: '%b %d, %Y' }}</c> (strftime, Fluid's own) or <c>{{ entry.date | date: 'd MMM yyyy' }}</c>
/// (a .NET format), or the names <c>short</c>, <c>long</c> and <c>datetime</c>; always in the shop's time zone and locale.
/// </summary>
internal sealed class DateFilter(FilterDelegate strftime)
{
    public const string Name = "date";

    public ValueTask<FluidValue> Apply(FluidValue input, FilterArguments arguments, TemplateContext context)
    {
        if (ToDate(input, context) is not { } date)
        {
            return new ValueTask<FluidValue>(NilValue.Instance);
        }

        var local = TimeZoneInfo.ConvertTime(date, context.TimeZone);
        var format = arguments.At(0).IsNil() ? "short" : arguments.At(0).ToStringValue(context);
        if (format.Contains('%'))
        {
            return strftime(DateTimeValue.Create(local), arguments, context);
        }

        var dotnet = format switch
        {
            "short" => "d",
            "long" => "D",
            "datetime" => "g",
            _ => format,
        };
        return new ValueTask<FluidValue>(StringValue.Create(local.ToString(dotnet, context.CultureInfo)));
    }

    private static DateTimeOffset? ToDate(FluidValue input, TemplateContext context) => input.ToObjectValue(context) switch
    {
        DateTimeOffset value => value,
        DateTime value => new DateTimeOffset(DateTime.SpecifyKind(value, value.Kind == DateTimeKind.Unspecified ? DateTimeKind.Utc : value.Kind)),
        "now" or "today" => context.Now(),
        string text when DateTimeOffset.TryParse(text, CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal, out var parsed) => parsed,
        _ => null,
    };
}
