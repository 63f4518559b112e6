using ResellerKit.Engine.Common;
using ResellerKit.Tests.Unit.Support;

namespace ResellerKit.Tests.Unit.Reliability;

/// <summary>One agency of the storm: its API client, its pack, and its clients (half shared, half reselling to start).</summary>
public sealed record StormAgency(TestAgency Api, AgencyId Id, string StripeAccount, string Pack, IReadOnlyList<SubAccountId> SubAccounts)
{
    /// <summary>The clients that start in reselling mode; the others start shared.</summary>
    public IReadOnlySet<SubAccountId> StartsReselling { get; init; } = new HashSet<SubAccountId>();
}

/// <summary>The agencies and sub-accounts a storm runs against, created through the API as an operator would.</summary>
public sealed record StormWorld(IReadOnlyList<StormAgency> Agencies)
{
    public const int AgencyCount = 4;
    public const int SubAccountsPerAgency = 6;
    public const long PoolStart = 20_000;
    public const long WalletStart = 1_000;
    public const long PackCredits = 100;
    public const long PackPrice = 1_500;

    public static async Task<StormWorld> BuildAsync(ApiFixture api)
    {
        var agencies = new List<StormAgency>();
        for (var a = 0; a < AgencyCount; a++)
        {
            var agency = await api.CreateAgencyAsync("storm-" + Guid.NewGuid().ToString("N")[..10]);
            var pack = await agency.CreatePackAsync("Storm pack", PackCredits, PackPrice);
            await api.GrantPoolAsync(agency, PoolStart);
            var subAccounts = new List<SubAccountId>();
            for (var s = 0; s < SubAccountsPerAgency; s++)
            {
                var reselling = s % 2 == 0;
                // Every third client has a monthly cap inside the shared pool, so that the cap check races too.
                var id = await agency.CreateSubAccountAsync(reselling ? "reselling" : "shared", usageCapPerMonth: s % 3 == 1 ? 4_000 : null);
                if (reselling)
                {
                    await agency.GrantAsync(id, WalletStart);
                }
                subAccounts.Add(SubAccountId.From(Guid.Parse(id)));
            }
            agencies.Add(new StormAgency(agency, AgencyId.From(Guid.Parse(agency.Id)), await agency.StripeAccountAsync(), pack, subAccounts)
            {
                StartsReselling = subAccounts.Where((_, s) => s % 2 == 0).ToHashSet(),
            });
        }
        return new StormWorld(agencies);
    }
}
