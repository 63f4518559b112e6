namespace ResellerKit.Engine.Pricing;

/// <summary>
/// The platform's floor per credit in one currency, and the fee it takes per credit sold (the floor itself unless
/// set). Platform data, shared by every agency.
/// </summary>
public sealed class MinimumPrice
{
    private MinimumPrice()
    {
    }

    public string Currency { get; private set; } = "";

    public decimal MinimumPerCredit { get; private set; }

    public decimal? FeePerCredit { get; private set; }

    public DateTimeOffset UpdatedAt { get; private set; }

    public PricePerCredit Floor => new(MinimumPerCredit);

    public PricePerCredit Fee => new(FeePerCredit ?? MinimumPerCredit);

    public static MinimumPrice Create(string currency) => new() { Currency = currency };

    public void Set(PricePerCredit minimum, PricePerCredit? fee, DateTimeOffset now)
    {
        MinimumPerCredit = minimum.Minor;
        FeePerCredit = fee?.Minor;
        UpdatedAt = now;
    }
}
