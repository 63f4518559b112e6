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
    /// The command for the Engine. A price that is no amount in this currency goes as 0, which the Engine refuses as
    /// it refuses any price out of range, next to whatever else it refuses in the form (worded by
    /// <see cref="BackOffice.PricingWords"/>), so that every field's problem shows at once.
    /// </summary>
    public PackCommand ToCommand() =>
        new(Name, Credits, MajorUnits.TryParseAmount(Price, Currency, out var minor) ? minor : 0, Currency, Highlight, SortOrder);
}
