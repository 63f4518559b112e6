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
    /// The command for the Engine, or, when the price is no amount in this currency, a refusal of the price together with
    /// whatever else the Engine refuses in the form, so that every field's problem shows at once (worded, as the
    /// Engine's refusals are, by <see cref="BackOffice.PricingWords"/>).
    /// </summary>
    public Result<PackCommand> ToCommand()
    {
        if (MajorUnits.TryParseAmount(Price, Currency, out var minor))
        {
            return new PackCommand(Name, Credits, minor, Currency, Highlight, SortOrder);
        }
        // No price (0) is refused by the Engine like any price out of range, next to the other fields' refusals.
        var others = new PackCommand(Name, Credits, 0, Currency, Highlight, SortOrder).Validate();
        return others.Error as ValidationFailed ?? ValidationFailed.For("unitAmount", "The price is not an amount in this currency.");
    }
}
