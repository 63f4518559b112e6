using Microsoft.EntityFrameworkCore;
using ResellerKit.Engine.Access;
using ResellerKit.Engine.Audit;
using ResellerKit.Engine.Common;
using ResellerKit.Engine.Notifications;
using ResellerKit.Engine.Persistence;
using ResellerKit.Engine.Team;
using ResellerKit.Engine.Users;

namespace ResellerKit.Engine.Agencies;

/// <summary>
/// Issues a new key and revokes every earlier one at once: a leaked key stops working immediately (the
/// <see cref="ApiKeyStamp"/> changes in the same SaveChanges, so every node looks keys up again). The change is in the
/// audit log, and the agency's owners are emailed, without the key, so that a replacement they did not expect shows.
/// </summary>
public sealed class RotateAgencyApiKey(EngineDbContext db, Mailer mailer, TimeProvider clock)
{
    /// <summary>A person in the back office: only an owner of the agency may (<see cref="ApiKeyOwnersOnly"/> for anyone else).</summary>
    public async Task<Result<string>> HandleAsync(AgencyId agencyId, Guid by, Actor actor, CancellationToken ct) =>
        await TeamSeat.FindAsync(db, agencyId, by, ct) is { IsOwner: true }
            ? await HandleAsync(agencyId, actor, ct)
            : new ApiKeyOwnersOnly();

    /// <summary>The agency's own key (which speaks for the whole agency), or the operator's CLI.</summary>
    public async Task<Result<string>> HandleAsync(AgencyId agencyId, Actor actor, CancellationToken ct)
    {
        await using var own = db.Database.CurrentTransaction is null ? await WriteTransaction.BeginAsync(db, nameof(RotateAgencyApiKey), ct) : null;
        // One replacement at a time: two at once (a double click) each revoked the same old key and left both new ones working.
        if (await AgencyLock.TakeAsync(db, agencyId, ct) == 0)
        {
            return new NotFound("agency");
        }
        var now = clock.GetUtcNow();
        var active = await db.ApiKeys.WithSpecification(new ActiveApiKeysOfAgencySpec(agencyId)).ToListAsync(ct);
        active.ForEach(k => k.Revoke(now));
        var (key, plaintext) = ApiKey.Issue(agencyId, now);
        db.ApiKeys.Add(key);
        db.AuditEvents.Add(AuditEvent.Record(actor, "api_key.replaced", agencyId, null,
            new { previous = active.Select(k => k.Prefix).ToArray(), current = key.Prefix }, now));
        foreach (var owner in await OwnersAsync(agencyId, ct))
        {
            mailer.Send(new EmailRequest(EmailKind.ApiKeyReplaced, owner.Email, owner.Name, agencyId)
            {
                OtherParty = actor.IsPerson ? actor.Name : null,
                ActionPath = "/admin/api-keys",
            });
        }
        await db.SaveChangesAsync(ct);
        if (own is not null) await own.CommitAsync(ct);
        return plaintext;
    }

    private async Task<List<(string Email, string Name)>> OwnersAsync(AgencyId agencyId, CancellationToken ct) =>
        (await db.Memberships.AsNoTracking()
            .Where(m => m.AgencyId == agencyId && m.SubAccountId == null && m.Role == MembershipRole.Owner)
            .Join(db.Users, m => m.UserId, u => u.Id, (m, u) => new { u.Email, u.DisplayName })
            .ToListAsync(ct))
        .Where(o => o.Email is not null).Select(o => (o.Email!, o.DisplayName)).ToList();
}
