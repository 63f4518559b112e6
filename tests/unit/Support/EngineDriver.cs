using Microsoft.Extensions.DependencyInjection;
using ResellerKit.Engine.Agencies;
using ResellerKit.Engine.Common;
using ResellerKit.Engine.Credits;
using ResellerKit.Engine.SubAccounts;

namespace ResellerKit.Tests.Unit.Support;

/// <summary>Engine use cases with the arguments a test rarely cares about filled in.</summary>
public static class EngineDriver
{
    public static Task<Agency> NewAgencyAsync(this EngineFixture engine) => engine.InScopeAsync(async s =>
    {
        var slug = "a-" + Guid.NewGuid().ToString("N")[..12];
        var result = await s.GetRequiredService<CreateAgency>().HandleAsync(new CreateAgencyCommand("Agency", slug, $"o@{slug}.example"), default);
        return result.Value.Agency;
    });

    public static Task<SubAccount> NewSubAccountAsync(this EngineFixture engine, AgencyId agencyId, CreditMode mode) => engine.InScopeAsync(async s =>
    {
        var email = $"c-{Guid.NewGuid():N}@example.com";
        var result = await s.GetRequiredService<CreateSubAccount>().HandleAsync(agencyId, new CreateSubAccountCommand("Client", email, mode), Actor.System, default);
        return result.Value.SubAccount;
    });

    public static Task<Result<Granted>> GrantPoolAsync(this EngineFixture engine, AgencyId agencyId, GrantCommand command) =>
        engine.InScopeAsync(s => s.GetRequiredService<GrantPoolCredits>().HandleAsync(agencyId, command, Actor.System, null, default));

    public static Task<Result<Granted>> GrantAsync(this EngineFixture engine, SubAccount subAccount, GrantCommand command) =>
        engine.InScopeAsync(s => s.GetRequiredService<GrantSubAccountCredits>().HandleAsync(Tenant.Of(subAccount.AgencyId), subAccount.Id, command, Actor.System, null, default));

    public static Task<Result<Debited>> UseAsync(this EngineFixture engine, SubAccount subAccount, long credits, string? campaignId = null) =>
        engine.InScopeAsync(s => s.GetRequiredService<DebitUsage>().HandleAsync(
            Tenant.Of(subAccount.AgencyId), subAccount.Id, new UsageCommand(new Credits(credits), CampaignId: campaignId), null, default));

    public static Task<Balance> BalanceAsync(this EngineFixture engine, SubAccount subAccount) => engine.InScopeAsync(async s =>
        (await s.GetRequiredService<GetBalance>().HandleAsync(Tenant.Of(subAccount.AgencyId), subAccount.Id, true, default)).Value);

    public static Task<LedgerReport> VerifyAsync(this EngineFixture engine) =>
        engine.InScopeAsync(s => s.GetRequiredService<LedgerVerifier>().VerifyAsync(default));
}
