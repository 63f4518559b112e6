using ResellerKit.Engine.Common;

namespace ResellerKit.Engine.Pricing;

/// <summary>A pack as the API or back office sends it: every field may be missing or wrong until validated.</summary>
public sealed record PackCommand(string? Name, long? Credits, long? UnitAmount, string? Currency, string? Highlight = null, int? SortOrder = null)
{
    public const long MaxUnitAmount = 99_999_999;

    public Result<PackDetails> Validate()
    {
        var errors = new FieldErrors()
            .When(!Input.IsName(Name) || Name!.Trim().Length > 80, "name", "Enter a pack name of 1 to 80 characters.")
            .When(Credits is not (>= 1 and <= Engine.Credits.Credits.MaxPerOperation), "credits",
                $"credits must be a whole number from 1 to {Engine.Credits.Credits.MaxPerOperation}.")
            .When(UnitAmount is not (>= 1 and <= MaxUnitAmount), "unitAmount",
                $"unitAmount is the price in minor units (cents): a whole number from 1 to {MaxUnitAmount}.")
            .When(!Currencies.IsValid(Currency), "currency", "currency must be a three-letter ISO code in lower case, like \"usd\".")
            .When(Highlight is { Length: > 40 }, "highlight", "highlight may be at most 40 characters.")
            .When(SortOrder is < -10_000 or > 10_000, "sortOrder", "sortOrder must be between -10000 and 10000.");
        return errors.Any
            ? errors.ToError()
            : new PackDetails(Name!, Credits!.Value, UnitAmount!.Value, Currency!, Highlight, SortOrder ?? 0);
    }
}
