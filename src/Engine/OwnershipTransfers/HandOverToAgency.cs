using Microsoft.EntityFrameworkCore;
using ResellerKit.Engine.Access;
using ResellerKit.Engine.Audit;
using ResellerKit.Engine.Common;
using ResellerKit.Engine.Connections;
using ResellerKit.Engine.Notifications;
using ResellerKit.Engine.Persistence;
using ResellerKit.Engine.SubAccounts;

namespace ResellerKit.Engine.OwnershipTransfers;

/// <summary>
/// A client offers its own account to an agency it is connected to, and that agency accepts: the account becomes
/// agency-owned (the agency-owned discount applies to its purchases from then on), keeps its credits in reselling
/// mode, and the connections to it end, since the agency now owns it.
/// </summary>
public sealed class HandOverToAgency(EngineDbContext db, MoveSubAccount move, Mailer mailer, TimeProvider clock)
{
    public async Task<Result<OwnershipTransfer>> OfferAsync(SubAccountId subAccountId, Guid connectionId, Guid clientUserId, Actor actor, CancellationToken ct)
    {
        var connection = await db.Connections.AsNoTracking().SingleOrDefaultAsync(c => c.Id == connectionId && c.SubAccountId == subAccountId, ct);
        if (connection is null || !await db.Memberships.AnyAsync(m => m.UserId == clientUserId && m.SubAccountId == subAccountId, ct))
        {
            return new NotFound("connection");
        }
        if (!connection.IsActive)
        {
            return new ConnectionNotActive(connection.Status);
        }
        // Under the account's lock, so two offers at once cannot both find none waiting and both be written.
        return await db.InTransactionAsync<OwnershipTransfer>(async token =>
        {
            await SubAccountLock.TakeAsync(db, subAccountId, token);
            var account = await db.SubAccounts.AsNoTracking().SingleAsync(s => s.Id == subAccountId, token);
            var now = clock.GetUtcNow();
            if (await RefusalAsync(account, now, token) is { } refused)
            {
                return refused;
            }
            var transfer = OwnershipTransfer.Offer(account.Id, connection.AgencyId, TransferDirection.ToAgency, ApiKeys.Hash(ApiKeys.Generate("ot_")), now);
            db.OwnershipTransfers.Add(transfer);
            var agency = await db.Agencies.AsNoTracking().SingleAsync(a => a.Id == connection.AgencyId, token);
            db.AuditEvents.Add(AuditEvent.Record(actor, "ownership.offered_to_agency", account.AgencyId, account.Id, new { agency = agency.PublicName }, now));
            db.AuditEvents.Add(AuditEvent.Record(actor, "ownership.offered_to_agency", agency.Id, account.Id, new { agency = agency.PublicName }, now));
            mailer.Send(new EmailRequest(EmailKind.OwnershipOffer, agency.Branding.SupportEmail ?? agency.OwnerEmail, agency.PublicName, agency.Id)
            {
                OtherParty = account.Name, ActionPath = "/admin/connections", ExpiresAt = transfer.ExpiresAt,
            });
            await db.SaveChangesAsync(token);
            return transfer;
        }, ct);
    }

    /// <summary>The client takes back the offer of its account that the agency has not accepted yet.</summary>
    public async Task<Result<OwnershipTransfer>> WithdrawAsync(SubAccountId subAccountId, Guid clientUserId, Actor actor, CancellationToken ct)
    {
        const string resource = "pending ownership offer";
        var now = clock.GetUtcNow();
        var pending = await db.OwnershipTransfers.AsNoTracking()
            .Where(t => t.SubAccountId == subAccountId && t.Direction == TransferDirection.ToAgency && t.Status == TransferStatus.Pending)
            .FirstOrDefaultAsync(ct);
        if (pending is null || !pending.IsOpen(now) || !await db.Memberships.AnyAsync(m => m.UserId == clientUserId && m.SubAccountId == subAccountId, ct))
        {
            return new NotFound(resource);
        }
        return await db.InTransactionAsync<OwnershipTransfer>(async token =>
        {
            var (withdrawn, transfer) = await TransferAnswer.GiveAsync(db, pending.Id, TransferStatus.Cancelled, actor.Name, now, token);
            if (!withdrawn)
            {
                return TransferAnswer.TooLateToCancel(transfer, resource);
            }
            var account = await db.SubAccounts.AsNoTracking().SingleAsync(s => s.Id == subAccountId, token);
            var agency = await db.Agencies.AsNoTracking().SingleAsync(a => a.Id == transfer.AgencyId, token);
            db.AuditEvents.Add(AuditEvent.Record(actor, "ownership.offer_withdrawn", account.AgencyId, account.Id, new { agency = agency.PublicName }, now));
            db.AuditEvents.Add(AuditEvent.Record(actor, "ownership.offer_withdrawn", agency.Id, account.Id, new { agency = agency.PublicName }, now));
            await db.SaveChangesAsync(token);
            return transfer;
        }, ct);
    }

    /// <summary>The open offers made to an agency, with the name of each account.</summary>
    public async Task<IReadOnlyList<(OwnershipTransfer Transfer, string AccountName)>> OffersToAsync(AgencyId agencyId, CancellationToken ct)
    {
        var now = clock.GetUtcNow();
        var rows = await db.OwnershipTransfers.AsNoTracking()
            .Where(t => t.AgencyId == agencyId && t.Direction == TransferDirection.ToAgency && t.Status == TransferStatus.Pending && t.ExpiresAt > now)
            .Join(db.SubAccounts, t => t.SubAccountId, s => s.Id, (t, s) => new { Transfer = t, s.Name })
            .ToListAsync(ct);
        return rows.OrderBy(r => r.Transfer.CreatedAt).Select(r => (r.Transfer, r.Name)).ToList();
    }

    /// <summary>The agency the account was offered to takes it over.</summary>
    public Task<Result<OwnershipTransfer>> AcceptAsync(AgencyId agencyId, Guid transferId, Actor actor, CancellationToken ct) =>
        db.InTransactionAsync<OwnershipTransfer>(async token =>
        {
            if (!await db.OwnershipTransfers.AnyAsync(t => t.Id == transferId && t.AgencyId == agencyId && t.Direction == TransferDirection.ToAgency, token))
            {
                return new NotFound("ownership transfer");
            }
            var now = clock.GetUtcNow();
            var (accepted, transfer) = await TransferAnswer.GiveAsync(db, transferId, TransferStatus.Accepted, actor.Name, now, token);
            if (!accepted)
            {
                return TransferAnswer.TooLateToAccept(transfer, now);
            }
            await SubAccountLock.TakeAsync(db, transfer.SubAccountId, token); // The account as it is now, not as it was before the lock.
            var account = await db.SubAccounts.SingleAsync(s => s.Id == transfer.SubAccountId, token);
            if (account.Ownership != Ownership.Client)
            {
                return new Conflict("This account is no longer client-owned.");
            }
            if (account.Paused)
            {
                return new AccountPaused(account.Id);
            }
            if (UnsettledMoney.Of(account) is { } unsettled)
            {
                return unsettled; // Rolls the acceptance back: the offer stays open until it is settled or expires.
            }
            var connections = await db.Connections.Where(c => c.SubAccountId == account.Id && (c.Status == ConnectionStatus.Accepted || c.Status == ConnectionStatus.Pending)).ToListAsync(token);
            if (!connections.Any(c => c.AgencyId == agencyId && c.IsActive))
            {
                return new ConnectionNotActive(ConnectionStatus.Revoked);
            }
            var houseId = account.AgencyId;
            var moved = await move.HandleAsync(account, agencyId, Ownership.Agency, token);
            if (!moved.IsSuccess)
            {
                return moved.Error;
            }
            foreach (var connection in connections)
            {
                connection.End(ConnectionStatus.Terminated, "ownership transfer", now);
            }
            var agencyName = await db.Agencies.Where(a => a.Id == agencyId).Select(a => a.Branding.DisplayName ?? a.Name).SingleAsync(token);
            var facts = new { agency = agencyName, credits = moved.Value, to = "agency" };
            db.AuditEvents.Add(AuditEvent.Record(actor, "ownership.transferred_to_agency", agencyId, account.Id, facts, now));
            db.AuditEvents.Add(AuditEvent.Record(actor, "ownership.transferred_to_agency", houseId, account.Id, facts, now));
            await db.SaveChangesAsync(token);
            return transfer;
        }, ct);

    private async Task<Error?> RefusalAsync(SubAccount account, DateTimeOffset now, CancellationToken ct)
    {
        if (account.Ownership != Ownership.Client)
        {
            return new Conflict("Only an account you own yourself can be offered to an agency.");
        }
        if (account.Paused)
        {
            return new AccountPaused(account.Id);
        }
        if (UnsettledMoney.Of(account) is { } unsettled)
        {
            return unsettled;
        }
        return await db.OwnershipTransfers.AsNoTracking()
                .OpenFor(account.Id, now)
                .Select(t => (DateTimeOffset?)t.ExpiresAt).FirstOrDefaultAsync(ct) is { } until
            ? new TransferAlreadyPending(until)
            : null;
    }
}
