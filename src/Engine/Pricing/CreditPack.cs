using ResellerKit.Engine.Common;

namespace ResellerKit.Engine.Pricing;

/// <summary>A pack of credits an agency sells at its own price: "Starter, 100 credits, $15".</summary>
public sealed class CreditPack
{
    private CreditPack()
    {
    }

    public PackId Id { get; private set; }

    public AgencyId AgencyId { get; private set; }

    public string Name { get; private set; } = "";

    public long Credits { get; private set; }

    public long UnitAmount { get; private set; }

    public string Currency { get; private set; } = "";

    /// <summary>A badge such as "Most popular"; null for none.</summary>
    public string? Highlight { get; private set; }

    public int SortOrder { get; private set; }

    public bool Archived { get; private set; }

    public DateTimeOffset CreatedAt { get; private set; }

    public Money Price => new(UnitAmount, Currency);

    public static CreditPack Create(AgencyId agencyId, PackDetails details, DateTimeOffset now)
    {
        var pack = new CreditPack { Id = PackId.New(), AgencyId = agencyId, CreatedAt = now };
        pack.Apply(details);
        return pack;
    }

    public void Apply(PackDetails details)
    {
        Name = details.Name.Trim();
        Credits = details.Credits;
        UnitAmount = details.UnitAmount;
        Currency = details.Currency;
        Highlight = string.IsNullOrWhiteSpace(details.Highlight) ? null : details.Highlight.Trim();
        SortOrder = details.SortOrder;
    }

    public void Archive() => Archived = true;
}

/// <summary>What an agency says about a pack; validated by <see cref="PackDetailsValidation"/>.</summary>
public sealed record PackDetails(string Name, long Credits, long UnitAmount, string Currency, string? Highlight, int SortOrder);
