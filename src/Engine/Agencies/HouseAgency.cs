using Microsoft.EntityFrameworkCore;
using ResellerKit.Engine.Common;
using ResellerKit.Engine.Persistence;

namespace ResellerKit.Engine.Agencies;

/// <summary>
/// The platform's own agency (slug <c>direct</c>): it holds the accounts clients own themselves, which agencies can
/// only reach through a connection the client accepts. It is created, already marked as the house, by the first
/// call that needs it; the unique slug decides between two first calls at once, and the loser reads the winner's.
/// </summary>
public sealed class HouseAgency(EngineDbContext db, CreateAgency createAgency)
{
    public const string Slug = "direct";

    /// <summary>
    /// The slugs the house may take, in order, which no other agency may use. The second is for an install where an
    /// agency took <c>direct</c> before it was reserved.
    /// </summary>
    public static readonly IReadOnlyList<string> Slugs = [Slug, "direct-clients"];

    public async Task<Agency> EnsureAsync(string operatorEmail, CancellationToken ct)
    {
        foreach (var slug in Slugs)
        {
            if (await db.Agencies.SingleOrDefaultAsync(a => a.IsHouse, ct) is { } house)
            {
                return house;
            }
            var created = await createAgency.CreateAsync(new CreateAgencyCommand("Direct clients", slug, operatorEmail), house: true, ct);
            if (created.IsSuccess)
            {
                return created.Value.Agency;
            }
            if (created.Error is not DuplicateValue)
            {
                throw new InvalidOperationException($"Creating the house agency failed: {created.Error.Detail}");
            }
        }
        return await db.Agencies.SingleOrDefaultAsync(a => a.IsHouse, ct)
            ?? throw new InvalidOperationException($"Creating the house agency failed: the slugs {string.Join(", ", Slugs)} are all taken by other agencies.");
    }
}
