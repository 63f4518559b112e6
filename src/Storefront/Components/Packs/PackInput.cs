using ResellerKit.Engine.Common;
using ResellerKit.Engine.Pricing;

namespace ResellerKit.Storefront.Components.Packs;

/// <summary>A pack as its form holds it: the price in the currency's units ("12.00"), as people type it.</summary>
public sealed class PackInput
{
    public string? Name { get; set; }

    public long? Credits { get; set; }

    public string? Price { get; set; }

    public string Currency { get; set; } = "usd";

    public string? Highlight { get; set; }

    public int? SortOrder { get; set; }

    public static PackInput From(CreditPack pack) => new()
    {
        Name = pack.Name, Credits = pack.Credits, Price = MajorUnits.Format(pack.UnitAmount, pack.Currency), Currency = pack.Currency,
        Highlight = pack.Highlight, SortOrder = pack.SortOrder,
    };

    /// <summary>
    /// The command for the Engine, or a refusal of the price field when it is no amount in this currency (worded, as
    /// the Engine's refusals are, by <see cref="BackOffice.PricingWords"/>).
    /// </summary>
    public Result<PackCommand> ToCommand()
    {
        if (!MajorUnits.TryParseAmount(Price, Currency, out var minor))
        {
            return ValidationFailed.For("unitAmount", "The price is not an amount in this currency.");
        }
        return new PackCommand(Name, Credits, minor, Currency, Highlight, SortOrder);
    }
}
