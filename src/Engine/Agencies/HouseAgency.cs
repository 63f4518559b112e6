using Microsoft.EntityFrameworkCore;
using ResellerKit.Engine.Common;
using ResellerKit.Engine.Persistence;

namespace ResellerKit.Engine.Agencies;

/// <summary>
/// The platform's own agency (slug <c>direct</c>): it holds the accounts clients own themselves, which agencies can
/// only reach through a connection the client accepts.
/// </summary>
public sealed class HouseAgency(EngineDbContext db, CreateAgency createAgency)
{
    public const string Slug = "direct";

    public async Task<Agency> EnsureAsync(string operatorEmail, CancellationToken ct)
    {
        var house = await db.Agencies.SingleOrDefaultAsync(a => a.IsHouse, ct);
        if (house is not null)
        {
            return house;
        }
        var created = await createAgency.HandleAsync(new CreateAgencyCommand("Direct clients", Slug, operatorEmail), ct);
        if (!created.IsSuccess)
        {
            throw new InvalidOperationException($"Creating the house agency failed: {created.Error.Detail}");
        }
        var agency = await db.Agencies.SingleAsync(a => a.Id == created.Value.Agency.Id, ct);
        agency.MakeHouse();
        await db.SaveChangesAsync(ct);
        return agency;
    }
}
