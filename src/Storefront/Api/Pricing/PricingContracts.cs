using ResellerKit.Engine.Pricing;

namespace ResellerKit.Storefront.Api.Pricing;

public sealed record MinimumPriceRequest(string? UnitAmountPerCredit, string? PlatformFeePerCredit);

public sealed record MinimumPriceResponse(string Currency, string UnitAmountPerCredit, string PlatformFeePerCredit, DateTimeOffset UpdatedAt)
{
    public static MinimumPriceResponse From(MinimumPrice m) =>
        new(m.Currency, m.Floor.ToString(), m.Fee.ToString(), m.UpdatedAt);
}

public sealed record PackRequest(string? Name, long? Credits, long? UnitAmount, string? Currency, string? Highlight, int? SortOrder)
{
    public PackCommand ToCommand() => new(Name, Credits, UnitAmount, Currency, Highlight, SortOrder);
}

public sealed record PackResponse(
    PackId Id, string Name, long Credits, long UnitAmount, string Currency, string? Highlight, int SortOrder,
    string PricePerCredit, bool BelowMinimum, long MinimumUnitAmount, PackMargin Margin, bool CurrencyOffered)
{
    public static PackResponse From(PackSummary s) => new(
        s.Pack.Id, s.Pack.Name, s.Pack.Credits, s.Pack.UnitAmount, s.Pack.Currency, s.Pack.Highlight, s.Pack.SortOrder,
        new PricePerCredit(CreditPricing.PerCredit(s.Pack.Credits, s.Pack.UnitAmount)).ToString(), s.BelowMinimum, s.MinimumAmount, s.Margin,
        s.CurrencyOffered);
}

public sealed record CustomQuantityRequest(string? PricePerCredit, string? Currency, long? MinCredits, long? MaxCredits);

public sealed record CustomQuantityResponse(bool Enabled, string? PricePerCredit, string Currency, long MinCredits, long MaxCredits);
