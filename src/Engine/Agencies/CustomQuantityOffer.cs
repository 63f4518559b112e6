using ResellerKit.Engine.Pricing;

namespace ResellerKit.Engine.Agencies;

/// <summary>Whether clients may buy any number of credits at a per-credit price, and within which bounds.</summary>
public sealed record CustomQuantityOffer
{
    public decimal? PricePerCredit { get; init; }

    public string Currency { get; init; } = "usd";

    public long MinCredits { get; init; } = 100;

    public long MaxCredits { get; init; } = 1_000_000;

    public bool Enabled => PricePerCredit is > 0;

    public PricePerCredit Price => new(PricePerCredit ?? 0);
}
