using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using ResellerKit.Engine.Access;
using ResellerKit.Engine.Agencies;
using ResellerKit.Engine.Audit;
using ResellerKit.Engine.Common;
using ResellerKit.Engine.Connections;
using ResellerKit.Engine.Notifications;
using ResellerKit.Engine.Persistence;
using ResellerKit.Engine.SubAccounts;
using ResellerKit.Engine.Users;

namespace ResellerKit.Engine.OwnershipTransfers;

/// <summary>
/// An agency hands an account it set up to its client. The client is emailed a single-use link (only its hash is
/// stored); once it accepts while signed in, the account is the client's own (held by the platform's house agency,
/// like every client-owned account), its credits move with it, and the agency stays connected as an admin, which the
/// client can change or revoke like any connection.
/// </summary>
public sealed class HandOverToClient(EngineDbContext db, MoveSubAccount move, HouseAgency house, UserManager<User> users, Mailer mailer, TimeProvider clock)
{
    public const string LinkPath = "/admin/ownership/accept";

    public async Task<Result<OwnershipTransfer>> OfferAsync(AgencyId agencyId, SubAccountId subAccountId, Actor actor, CancellationToken ct)
    {
        var account = await db.SubAccounts.AsNoTracking().Include(s => s.Agency)
            .WithSpecification(new SubAccountByIdSpec(Tenant.Of(agencyId), subAccountId)).SingleOrDefaultAsync(ct);
        if (account is null)
        {
            return new NotFound("sub-account");
        }
        // Under the account's lock, so two offers at once cannot both find none waiting and both be written.
        return await db.InTransactionAsync<OwnershipTransfer>(async token =>
        {
            await SubAccountLock.TakeAsync(db, account.Id, token);
            var now = clock.GetUtcNow();
            if (await Refusal(account, now, token) is { } refused)
            {
                return refused;
            }
            var secret = ApiKeys.Generate("ot_");
            var transfer = OwnershipTransfer.Offer(account.Id, agencyId, TransferDirection.ToClient, ApiKeys.Hash(secret), now);
            db.OwnershipTransfers.Add(transfer);
            db.AuditEvents.Add(AuditEvent.Record(actor, "ownership.offered_to_client", agencyId, account.Id, new { email = account.Email }, now));
            mailer.Send(new EmailRequest(EmailKind.OwnershipTransfer, account.Email, account.Name, agencyId)
            {
                SubAccountId = account.Id,
                OtherParty = account.Agency!.PublicName,
                ActionPath = $"{LinkPath}?token={Uri.EscapeDataString(secret)}",
                ExpiresAt = transfer.ExpiresAt,
            });
            await db.SaveChangesAsync(token);
            return transfer;
        }, ct);
    }

    /// <summary>The agency takes back the offer it has not had an answer to.</summary>
    public async Task<Result<OwnershipTransfer>> CancelAsync(AgencyId agencyId, SubAccountId subAccountId, Actor actor, CancellationToken ct)
    {
        const string resource = "pending ownership transfer";
        var now = clock.GetUtcNow();
        var pending = await db.OwnershipTransfers.AsNoTracking().Where(t => t.AgencyId == agencyId && t.SubAccountId == subAccountId
            && t.Direction == TransferDirection.ToClient && t.Status == TransferStatus.Pending).FirstOrDefaultAsync(ct);
        if (pending is null || !pending.IsOpen(now))
        {
            return new NotFound(resource);
        }
        return await db.InTransactionAsync<OwnershipTransfer>(async token =>
        {
            var (cancelled, transfer) = await TransferAnswer.GiveAsync(db, pending.Id, TransferStatus.Cancelled, actor.Name, now, token);
            if (!cancelled)
            {
                return TransferAnswer.TooLateToCancel(transfer, resource);
            }
            db.AuditEvents.Add(AuditEvent.Record(actor, "ownership.transfer_cancelled", agencyId, subAccountId, null, now));
            await db.SaveChangesAsync(token);
            return transfer;
        }, ct);
    }

    /// <summary>The open offer of an account, if any, for its page and its API representation.</summary>
    public Task<OwnershipTransfer?> PendingAsync(SubAccountId subAccountId, CancellationToken ct)
    {
        var now = clock.GetUtcNow();
        return db.OwnershipTransfers.AsNoTracking()
            .OpenFor(subAccountId, now).FirstOrDefaultAsync(ct);
    }

    /// <summary>What a link's token names, as the client sees it before accepting: the transfer, the agency, the account.</summary>
    public async Task<Result<TransferPreview>> PreviewAsync(string? token, CancellationToken ct)
    {
        var transfer = await ByTokenAsync(token, ct);
        if (transfer is null)
        {
            return new NotFound("ownership transfer");
        }
        var agency = await db.Agencies.AsNoTracking().Where(a => a.Id == transfer.AgencyId).Select(a => a.Branding.DisplayName ?? a.Name).SingleAsync(ct);
        var account = await db.SubAccounts.AsNoTracking().Where(s => s.Id == transfer.SubAccountId).Select(s => s.Name).SingleAsync(ct);
        return new TransferPreview(transfer, agency, account, transfer.ProblemAt(clock.GetUtcNow()));
    }

    /// <summary>The account's own user accepts. The link works once, within its lifetime.</summary>
    public async Task<Result<OwnershipTransfer>> AcceptAsync(string? token, Guid clientUserId, Actor actor, CancellationToken ct)
    {
        var found = await ByTokenAsync(token, ct);
        if (found is null || !await db.Memberships.AnyAsync(m => m.UserId == clientUserId && m.SubAccountId == found.SubAccountId, ct))
        {
            return new NotFound("ownership transfer");
        }
        var houseId = await HouseIdAsync(ct);
        return await db.InTransactionAsync<OwnershipTransfer>(async token2 =>
        {
            var now = clock.GetUtcNow();
            var (accepted, transfer) = await TransferAnswer.GiveAsync(db, found.Id, TransferStatus.Accepted, actor.Name, now, token2);
            if (!accepted)
            {
                return TransferAnswer.TooLateToAccept(transfer, now); // An expired transfer reads as expired whatever its stored status.
            }
            await SubAccountLock.TakeAsync(db, transfer.SubAccountId, token2); // The account as it is now, not as it was before the lock.
            var account = await db.SubAccounts.Include(s => s.Agency).SingleAsync(s => s.Id == transfer.SubAccountId, token2);
            if (await Refusal(account, now, token2, pendingAllowed: true) is { } refused)
            {
                return refused;
            }
            var agency = account.Agency!;
            var moved = await move.HandleAsync(account, houseId, Ownership.Client, token2);
            if (!moved.IsSuccess)
            {
                return moved.Error;
            }
            var connection = Connection.Request(agency.Id, houseId, account.Id, MembershipRole.Admin, ClientAccountAreas.All, ApiKeys.Hash(ApiKeys.Generate("cr_")), now);
            connection.Respond(accept: true, now);
            db.Connections.Add(connection);
            var facts = new { agency = agency.PublicName, credits = moved.Value, to = "client" };
            db.AuditEvents.Add(AuditEvent.Record(actor, "ownership.transferred_to_client", agency.Id, account.Id, facts, now));
            db.AuditEvents.Add(AuditEvent.Record(actor, "ownership.transferred_to_client", houseId, account.Id, facts, now));
            await db.SaveChangesAsync(token2);
            return transfer;
        }, ct);
    }

    private Task<OwnershipTransfer?> ByTokenAsync(string? token, CancellationToken ct) => string.IsNullOrEmpty(token)
        ? Task.FromResult<OwnershipTransfer?>(null)
        : db.OwnershipTransfers.AsNoTracking().SingleOrDefaultAsync(t => t.TokenHash == ApiKeys.Hash(token) && t.Direction == TransferDirection.ToClient, ct);

    // What stops an account from changing hands now; the same rules when the agency offers and when the client accepts.
    private async Task<Error?> Refusal(SubAccount account, DateTimeOffset now, CancellationToken ct, bool pendingAllowed = false)
    {
        if (account.Ownership == Ownership.Client)
        {
            return new AlreadyClientOwned();
        }
        if (account.Paused)
        {
            return new AccountPaused(account.Id);
        }
        if (UnsettledMoney.Of(account) is { } unsettled)
        {
            return unsettled;
        }
        if (!pendingAllowed && await db.OwnershipTransfers.AsNoTracking()
                .OpenFor(account.Id, now)
                .Select(t => (DateTimeOffset?)t.ExpiresAt).FirstOrDefaultAsync(ct) is { } pendingUntil)
        {
            return new TransferAlreadyPending(pendingUntil);
        }
        if (await db.SubAccounts.AnyAsync(s => s.Agency!.IsHouse && s.Email == account.Email, ct))
        {
            return new TransferNeedsSettling($"{account.Email} already owns another account of its own, so this one cannot move to it.");
        }
        return null;
    }

    // The platform's house agency holds client-owned accounts; an install that has none yet gets it now, run by its platform admin.
    internal async Task<AgencyId> HouseIdAsync(CancellationToken ct)
    {
        var id = await db.Agencies.Where(a => a.IsHouse).Select(a => (AgencyId?)a.Id).FirstOrDefaultAsync(ct);
        if (id is { } existing)
        {
            return existing;
        }
        var admins = await users.GetUsersInRoleAsync(Roles.PlatformAdmin);
        var operatorEmail = admins.OrderBy(u => u.CreatedAt).Select(u => u.Email).FirstOrDefault() ?? "operator@platform.invalid";
        return (await house.EnsureAsync(operatorEmail, ct)).Id;
    }
}

/// <summary>A transfer as its link shows it; <see cref="Problem"/> says why it can no longer be accepted.</summary>
public sealed record TransferPreview(OwnershipTransfer Transfer, string AgencyName, string AccountName, Error? Problem);
