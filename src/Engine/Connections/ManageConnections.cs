using Microsoft.EntityFrameworkCore;
using ResellerKit.Engine.Access;
using ResellerKit.Engine.Audit;
using ResellerKit.Engine.Common;
using ResellerKit.Engine.Notifications;
using ResellerKit.Engine.Persistence;
using ResellerKit.Engine.SubAccounts;
using ResellerKit.Engine.Users;

namespace ResellerKit.Engine.Connections;

/// <summary>The connect flow between an agency and a client-owned account, from both sides.</summary>
public sealed class ManageConnections(EngineDbContext db, Mailer mailer, TimeProvider clock)
{
    /// <summary>The agency asks for access to the client-owned account that uses <paramref name="email"/>.</summary>
    public async Task<Result<Connection>> RequestAsync(AgencyId agencyId, string? email, MembershipRole role, Areas areas, Actor actor, CancellationToken ct)
    {
        if (RoleChoice.Check(role, areas) is { } invalid)
        {
            return invalid;
        }
        if (!Input.IsEmail(email))
        {
            return ValidationFailed.For("email", "Enter the email address of your client's existing account, like owner@client.com.");
        }
        var normalized = Input.NormalizeEmail(email!);
        var account = await db.SubAccounts.AsNoTracking().Include(s => s.Agency)
            .FirstOrDefaultAsync(s => s.Email == normalized && s.Ownership == Ownership.Client, ct);
        if (account is null)
        {
            return ValidationFailed.For("email",
                $"No client-owned account uses {normalized}. To set up a new client, create a sub-account instead.");
        }
        var open = await db.Connections.AsNoTracking().FirstOrDefaultAsync(c => c.AgencyId == agencyId && c.SubAccountId == account.Id
            && (c.Status == ConnectionStatus.Accepted || (c.Status == ConnectionStatus.Pending && c.ExpiresAt > clock.GetUtcNow())), ct);
        if (open is not null)
        {
            return new DuplicateValue("email", open.Status == ConnectionStatus.Accepted
                ? $"You are already connected to {normalized}."
                : $"A request to {normalized} is already waiting for an answer.");
        }
        var agency = await db.Agencies.AsNoTracking().SingleAsync(a => a.Id == agencyId, ct);
        var now = clock.GetUtcNow();
        var token = ApiKeys.Generate("cr_");
        var connection = Connection.Request(agencyId, account.AgencyId, account.Id, role, areas, ApiKeys.Hash(token), now);
        db.Connections.Add(connection);
        db.AuditEvents.Add(AuditEvent.Record(actor, "connection.requested", account.AgencyId, account.Id, new { agency = agency.PublicName, role = role.ToString() }, now));
        mailer.Send(new EmailRequest(EmailKind.ConnectionRequest, account.Email, account.Name, agencyId)
        {
            SubAccountId = account.Id,
            OtherParty = agency.PublicName,
            ActionPath = $"/admin/connections/respond?token={Uri.EscapeDataString(token)}",
            ExpiresAt = connection.ExpiresAt,
        });
        await db.SaveChangesAsync(ct);
        return connection;
    }

    /// <summary>Finds the pending request a link's token names, as the client sees it before answering.</summary>
    public async Task<Result<(Connection Connection, string AgencyName, string AccountName)>> PreviewAsync(string? token, CancellationToken ct)
    {
        var connection = token is null ? null : await db.Connections.AsNoTracking().SingleOrDefaultAsync(c => c.TokenHash == ApiKeys.Hash(token), ct);
        if (connection is null)
        {
            return new NotFound("connection request");
        }
        var agency = await db.Agencies.AsNoTracking().Where(a => a.Id == connection.AgencyId).Select(a => a.Branding.DisplayName ?? a.Name).SingleAsync(ct);
        var account = await db.SubAccounts.AsNoTracking().Where(s => s.Id == connection.SubAccountId).Select(s => s.Name).SingleAsync(ct);
        return (connection, agency, account);
    }

    /// <summary>The account's client user accepts or declines. A request is answered once, within its lifetime.</summary>
    public async Task<Result<Connection>> RespondAsync(Guid connectionId, Guid clientUserId, bool accept, Actor actor, CancellationToken ct)
    {
        var connection = await db.Connections.SingleOrDefaultAsync(c => c.Id == connectionId, ct);
        if (connection is null || !await IsClientOfAsync(clientUserId, connection.SubAccountId, ct))
        {
            return new NotFound("connection request");
        }
        var now = clock.GetUtcNow();
        if (connection.Status != ConnectionStatus.Pending)
        {
            return new ConnectionAlreadyAnswered(connection.Status);
        }
        if (connection.ExpiresAt <= now)
        {
            connection.End(ConnectionStatus.Expired, "system", now);
            await db.SaveChangesAsync(ct);
            return new ConnectionRequestExpired();
        }
        connection.Respond(accept, now);
        db.AuditEvents.Add(AuditEvent.Record(actor, accept ? "connection.accepted" : "connection.declined", connection.OwnerAgencyId, connection.SubAccountId, null, now));
        if (accept)
        {
            await NotifyAgencyAsync(connection, EmailKind.ConnectionAccepted, null, ct);
        }
        await db.SaveChangesAsync(ct);
        return connection;
    }

    public async Task<Result<Connection>> ChangeRoleAsync(Guid connectionId, Guid clientUserId, MembershipRole role, Areas areas, Actor actor, CancellationToken ct)
    {
        if (RoleChoice.Check(role, areas) is { } invalid)
        {
            return invalid;
        }
        var connection = await ActiveForClientAsync(connectionId, clientUserId, ct);
        if (!connection.IsSuccess)
        {
            return connection.Error;
        }
        connection.Value.ChangeRole(role, areas);
        db.AuditEvents.Add(AuditEvent.Record(actor, "connection.role_changed", connection.Value.OwnerAgencyId, connection.Value.SubAccountId,
            new { role = role.ToString(), areas = connection.Value.Areas.ToString() }, clock.GetUtcNow()));
        await db.SaveChangesAsync(ct);
        return connection.Value;
    }

    /// <summary>The client takes the agency's access away. Doing it twice says so.</summary>
    public async Task<Result<Connection>> RevokeAsync(Guid connectionId, Guid clientUserId, Actor actor, CancellationToken ct)
    {
        var connection = await ActiveForClientAsync(connectionId, clientUserId, ct);
        if (!connection.IsSuccess)
        {
            return connection.Error;
        }
        var now = clock.GetUtcNow();
        connection.Value.End(ConnectionStatus.Revoked, actor.Name, now);
        db.AuditEvents.Add(AuditEvent.Record(actor, "connection.revoked", connection.Value.OwnerAgencyId, connection.Value.SubAccountId, null, now));
        await NotifyAgencyAsync(connection.Value, EmailKind.ConnectionRevoked, null, ct);
        await db.SaveChangesAsync(ct);
        return connection.Value;
    }

    /// <summary>"Terminate contract", from either side; both are emailed.</summary>
    public async Task<Result<Connection>> TerminateAsync(Guid connectionId, AgencyId? agencyId, Guid? clientUserId, string? reason, Actor actor, CancellationToken ct)
    {
        if (new FieldErrors().Text("reason", reason, Input.MaxTextLength) is { Any: true } invalid)
        {
            return invalid.ToError();
        }
        var connection = await db.Connections.SingleOrDefaultAsync(c => c.Id == connectionId, ct);
        var allowed = connection is not null
            && ((agencyId is { } a && connection.AgencyId == a) || (clientUserId is { } u && await IsClientOfAsync(u, connection.SubAccountId, ct)));
        if (!allowed)
        {
            return new NotFound("connection");
        }
        if (!connection!.IsActive)
        {
            return new ConnectionNotActive(connection.Status);
        }
        var now = clock.GetUtcNow();
        connection.End(ConnectionStatus.Terminated, actor.Name, now);
        db.AuditEvents.Add(AuditEvent.Record(actor, "connection.terminated", connection.OwnerAgencyId, connection.SubAccountId, new { reason }, now));
        await NotifyAgencyAsync(connection, EmailKind.ContractTerminated, reason, ct);
        var account = await db.SubAccounts.AsNoTracking().SingleAsync(s => s.Id == connection.SubAccountId, ct);
        var agencyName = await db.Agencies.Where(x => x.Id == connection.AgencyId).Select(x => x.Branding.DisplayName ?? x.Name).SingleAsync(ct);
        mailer.Send(new EmailRequest(EmailKind.ContractTerminated, account.Email, account.Name, connection.OwnerAgencyId)
        {
            SubAccountId = account.Id, OtherParty = agencyName, Reason = reason,
        });
        await db.SaveChangesAsync(ct);
        return connection;
    }

    public async Task<IReadOnlyList<Connection>> ForAgencyAsync(AgencyId agencyId, CancellationToken ct) =>
        await db.Connections.AsNoTracking().Where(c => c.AgencyId == agencyId).OrderByDescending(c => c.CreatedAt).ToListAsync(ct);

    public async Task<IReadOnlyList<Connection>> ForAccountAsync(SubAccountId subAccountId, CancellationToken ct) =>
        await db.Connections.AsNoTracking().Where(c => c.SubAccountId == subAccountId).OrderByDescending(c => c.CreatedAt).ToListAsync(ct);

    private async Task<Result<Connection>> ActiveForClientAsync(Guid connectionId, Guid clientUserId, CancellationToken ct)
    {
        var connection = await db.Connections.SingleOrDefaultAsync(c => c.Id == connectionId, ct);
        if (connection is null || !await IsClientOfAsync(clientUserId, connection.SubAccountId, ct))
        {
            return new NotFound("connection");
        }
        return connection.IsActive ? connection : new ConnectionNotActive(connection.Status);
    }

    private Task<bool> IsClientOfAsync(Guid userId, SubAccountId subAccountId, CancellationToken ct) =>
        db.Memberships.AnyAsync(m => m.UserId == userId && m.SubAccountId == subAccountId, ct);

    private async Task NotifyAgencyAsync(Connection connection, EmailKind kind, string? reason, CancellationToken ct)
    {
        var agency = await db.Agencies.AsNoTracking().SingleAsync(a => a.Id == connection.AgencyId, ct);
        var account = await db.SubAccounts.AsNoTracking().Where(s => s.Id == connection.SubAccountId).Select(s => s.Name).SingleAsync(ct);
        mailer.Send(new EmailRequest(kind, agency.Branding.SupportEmail ?? agency.OwnerEmail, agency.PublicName, agency.Id)
        {
            OtherParty = account, Reason = reason, ActionPath = "/admin/connections",
        });
    }
}
