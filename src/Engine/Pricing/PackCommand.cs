using ResellerKit.Engine.Common;

namespace ResellerKit.Engine.Pricing;

/// <summary>A pack as the API or back office sends it: every field may be missing or wrong until validated.</summary>
public sealed record PackCommand(string? Name, long? Credits, long? UnitAmount, string? Currency, string? Highlight = null, int? SortOrder = null)
{
    public const long MaxUnitAmount = 99_999_999;

    public Result<PackDetails> Validate()
    {
        var errors = new FieldErrors()
            .Name("name", Name, "Enter a pack name of 1 to 80 characters.", max: 80)
            .When(Credits is not (>= 1 and <= Engine.Credits.Credits.MaxPerOperation), "credits",
                $"credits must be a whole number from 1 to {Engine.Credits.Credits.MaxPerOperationInWords}.")
            .When(UnitAmount is not (>= 1 and <= MaxUnitAmount), "unitAmount",
                $"unitAmount is the price in minor units (cents): a whole number from 1 to {MaxUnitAmount}.")
            .When(!Currencies.IsValid(Currency), "currency", Currencies.Message)
            .When(UnitAmount is >= 1 && Currencies.IsValid(Currency) && !CreditPricing.IsChargeable(UnitAmount.Value, Currency), "unitAmount",
                () => Currencies.StepMessage(Currency!))
            .Text("highlight", Highlight, 40)
            .When(SortOrder is < -10_000 or > 10_000, "sortOrder", "sortOrder must be between -10000 and 10000.");
        return errors.Any
            ? errors.ToError()
            : new PackDetails(Name!, Credits!.Value, UnitAmount!.Value, Currency!, Highlight, SortOrder ?? 0);
    }
}
