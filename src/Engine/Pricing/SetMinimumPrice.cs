using Microsoft.EntityFrameworkCore;
using ResellerKit.Engine.Common;
using ResellerKit.Engine.Persistence;

namespace ResellerKit.Engine.Pricing;

/// <summary>The platform sets its floor (and optionally its fee) per credit for one currency.</summary>
public sealed class SetMinimumPrice(EngineDbContext db, TimeProvider clock)
{
    public async Task<Result<MinimumPrice>> HandleAsync(string currency, string? minimumPerCredit, string? feePerCredit, CancellationToken ct)
    {
        var errors = new FieldErrors().When(!Currencies.IsValid(currency), "currency", Currencies.Message);
        if (!PricePerCredit.TryParse(minimumPerCredit, out var minimum))
        {
            errors.Add("unitAmountPerCredit", "unitAmountPerCredit is a decimal string of minor units per credit, like \"0.5\".");
        }
        PricePerCredit? fee = null;
        if (feePerCredit is not null)
        {
            if (PricePerCredit.TryParse(feePerCredit, out var parsedFee)) fee = parsedFee;
            else errors.Add("platformFeePerCredit", "platformFeePerCredit is a decimal string of minor units per credit, like \"0.4\".");
        }
        // The fee comes out of what the agency charges, which is at least the minimum: a larger fee would have the agency
        // pay to sell.
        errors.When(fee is { } f && errors.Any is false && f.Minor > minimum.Minor, "platformFeePerCredit",
            $"The platform fee ({fee?.Minor}) can't be more than the minimum price per credit ({minimum.Minor}): agencies selling at the minimum would lose money on every credit.");
        if (errors.Any)
        {
            return errors.ToError();
        }

        var row = await db.MinimumPrices.SingleOrDefaultAsync(m => m.Currency == currency, ct);
        if (row is null)
        {
            row = MinimumPrice.Create(currency);
            db.MinimumPrices.Add(row);
        }
        row.Set(minimum, fee, clock.GetUtcNow());
        await db.SaveChangesAsync(ct);
        return row;
    }
}
