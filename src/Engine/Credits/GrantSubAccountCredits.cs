using Microsoft.EntityFrameworkCore;
using ResellerKit.Engine.Common;
using ResellerKit.Engine.Persistence;
using ResellerKit.Engine.SubAccounts;

namespace ResellerKit.Engine.Credits;

/// <summary>
/// An agency grants credits to a reselling sub-account's own wallet (a goodwill top-up, or credits its own payment
/// server sold). They are issued by the platform and billed to the agency.
/// </summary>
public sealed class GrantSubAccountCredits(EngineDbContext db, LedgerWriter ledger, TimeProvider clock)
{
    public async Task<Result<Granted>> HandleAsync(
        Tenant tenant, SubAccountId id, GrantCommand command, string? idempotencyKey, CancellationToken ct)
    {
        var errors = command.Validate(clock.GetUtcNow());
        if (errors.Any)
        {
            return errors.ToError();
        }
        var subAccount = await db.SubAccounts.AsNoTracking().Include(s => s.Agency)
            .WithSpecification(new SubAccountByIdSpec(tenant, id)).SingleOrDefaultAsync(ct);
        if (subAccount is null)
        {
            return new NotFound("sub-account");
        }
        if (subAccount.CreditMode == CreditMode.Shared)
        {
            return new SharedModeHasNoWallet();
        }

        return await db.InTransactionAsync<Granted>(async token =>
        {
            var posted = await ledger.TransferAsync(subAccount.Agency!.Issuance, subAccount.Wallet, command.Credits,
                command.Details(subAccount.AgencyId, subAccount.Id, idempotencyKey), token);
            if (!posted.IsSuccess)
            {
                return posted.Error;
            }
            await db.SaveChangesAsync(token);
            return new Granted(posted.Value.Id, await ledger.BalanceAsync(subAccount.WalletId, token));
        }, ct);
    }
}
