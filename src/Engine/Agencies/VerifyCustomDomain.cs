using Microsoft.EntityFrameworkCore;
using ResellerKit.Engine.Audit;
using ResellerKit.Engine.Common;
using ResellerKit.Engine.Persistence;

namespace ResellerKit.Engine.Agencies;

/// <summary>
/// Checks the DNS TXT record of the agency's requested domain; once it is found the domain serves the storefront.
/// A domain already verified by another agency stays with it (409).
/// </summary>
public sealed class VerifyCustomDomain(EngineDbContext db, ITxtRecords dns, TimeProvider clock)
{
    public async Task<Result<Agency>> HandleAsync(AgencyId agencyId, Actor actor, CancellationToken ct)
    {
        var agency = await db.Agencies.SingleOrDefaultAsync(a => a.Id == agencyId, ct);
        if (agency is null)
        {
            return new NotFound("agency");
        }

        if (DomainChallenge.For(agency) is not { } challenge)
        {
            return ValidationFailed.For("customDomain", "Set a custom domain first, then verify it.");
        }

        if (agency.VerifiedDomain == agency.CustomDomain)
        {
            return agency;
        }

        var records = await dns.LookupAsync(challenge.RecordName, ct);
        if (!records.Any(r => string.Equals(r.Trim(), challenge.RecordValue, StringComparison.Ordinal)))
        {
            return new DomainNotVerified(challenge);
        }

        if (await db.Agencies.AnyAsync(a => a.VerifiedDomain == agency.CustomDomain && a.Id != agencyId, ct))
        {
            return new DuplicateValue("customDomain", $"{agency.CustomDomain} already serves another agency's storefront.");
        }

        agency.VerifyDomain();
        db.AuditEvents.Add(AuditEvent.Record(actor, "agency.domain_verified", agencyId, null, new { domain = agency.CustomDomain }, clock.GetUtcNow()));
        await db.SaveChangesAsync(ct);
        return agency;
    }
}
