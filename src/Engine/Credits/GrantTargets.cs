using Microsoft.EntityFrameworkCore;
using ResellerKit.Engine.Agencies;
using ResellerKit.Engine.Common;
using ResellerKit.Engine.Persistence;
using ResellerKit.Engine.SubAccounts;

namespace ResellerKit.Engine.Credits;

/// <summary>
/// Where paid credits go: from the issuance wallet of the agency that sold them and was paid (a checkout's, a
/// recharge's), into the wallet the account has now, whoever owns it today. Read under the account's row lock, which a
/// hand-over takes too, so that a hand-over committed since the sale is followed rather than left behind.
/// </summary>
internal static class GrantTargets
{
    /// <summary>The seller's issuance wallet; <paramref name="loaded"/> is the account's agency as read, used when it is the seller.</summary>
    public static async Task<WalletRef> IssuanceOfAsync(EngineDbContext db, Agency? loaded, AgencyId seller, CancellationToken ct) =>
        loaded is not null && loaded.Id == seller
            ? loaded.Issuance
            : new WalletRef(await db.Agencies.AsNoTracking().Where(a => a.Id == seller).Select(a => a.IssuanceWalletId).SingleAsync(ct),
                seller, WalletKind.Issuance);

    /// <summary>The account's wallet as it is now, and the seller's issuance wallet.</summary>
    public static async Task<(WalletRef Wallet, WalletRef Issuance)> OfAsync(EngineDbContext db, SubAccount account, AgencyId seller, CancellationToken ct)
    {
        var now = await db.SubAccounts.AsNoTracking().Where(s => s.Id == account.Id).Select(s => new { s.WalletId, s.AgencyId }).SingleAsync(ct);
        return (new WalletRef(now.WalletId, now.AgencyId, WalletKind.SubAccount), await IssuanceOfAsync(db, account.Agency, seller, ct));
    }
}
