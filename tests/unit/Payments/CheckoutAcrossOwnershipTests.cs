using System.Net;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using ResellerKit.Engine.Common;
using ResellerKit.Engine.Persistence;
using ResellerKit.Engine.Purchases;
using ResellerKit.Engine.SubAccounts;
using ResellerKit.Tests.Unit.Support;

namespace ResellerKit.Tests.Unit.Payments;

/// <summary>
/// A client opened a checkout at its agency, then the agency handed the account to the client before the client paid:
/// the credits land in the balance the client has now, issued by the agency that sold them and was paid.
/// </summary>
public abstract class CheckoutAcrossOwnershipTests(ClockedApi api)
{
    [Fact]
    public async Task Pay_AfterTheAccountWasHandedToItsClient_CreditsLandInTheClientsBalanceIssuedByTheAgencyPaid()
    {
        var (agency, client, session) = await HandedOverWithAnOpenCheckoutAsync();
        var issuedBefore = await IssuedAsync(agency.Id);

        await api.PayAsync(session.GetProperty("url").GetString()!);
        var balance = await Eventually.ReturnsAsync(() => api.OwnWalletAsync(client.SubAccountId), b => b == 100);

        balance.ShouldBe(100, "the client's balance after paying");
        (await api.SubAccountAsync(client.SubAccountId)).Ownership.ShouldBe(Ownership.Client);
        (await IssuedAsync(agency.Id) - issuedBefore).ShouldBe(100, "the agency that was paid issued the credits");
        await api.LedgerIsCleanAsync();
    }

    [Fact]
    public async Task Pay_AfterTheAccountWasHandedToItsClient_KeepsNoStripeCustomerOfTheOldAgencyOnTheAccount()
    {
        var (_, client, session) = await HandedOverWithAnOpenCheckoutAsync();

        await api.PayAsync(session.GetProperty("url").GetString()!);
        await Eventually.ReturnsAsync(() => api.OwnWalletAsync(client.SubAccountId), b => b == 100);

        (await api.SubAccountAsync(client.SubAccountId)).StripeCustomerId.ShouldBeNull(
            "that customer is on the old agency's Stripe account; the client's next checkout is on its new owner's");
    }

    [Fact]
    public async Task Refund_AfterTheAccountWasHandedToItsClient_TakesTheCreditsBackToTheSellersWalletAndTheLedgerStaysClean()
    {
        var agency = await api.CreateAgencyAsync();
        await api.SetMinimumAsync("usd", "0.05");
        var client = await agency.CreateClientAsync(name: "Bluebird Dental");
        var pack = await agency.CreatePackAsync("Starter", 100, 1_500);
        var session = await (await agency.CheckoutAsync(client.SubAccountId, new { packId = pack })).ExpectAsync(HttpStatusCode.Created);
        await api.PayAsync(session.GetProperty("url").GetString()!);
        await Eventually.ReturnsAsync(() => api.OwnWalletAsync(client.SubAccountId), b => b == 100);
        await (await agency.OfferOwnershipAsync(client.SubAccountId)).ExpectAsync(HttpStatusCode.Created);
        await api.AcceptAsClientAsync(client, await api.TransferLinkAsync(client));
        Purchase purchase;
        await using (var scope = api.Services.CreateAsyncScope())
        {
            var id = SubAccountId.From(Guid.Parse(client.SubAccountId));
            purchase = await scope.ServiceProvider.GetRequiredService<EngineDbContext>().Purchases.AsNoTracking().SingleAsync(p => p.SubAccountId == id, Ct);
        }

        bool reversed;
        await using (var scope = api.Services.CreateAsyncScope())
        {
            reversed = await scope.ServiceProvider.GetRequiredService<ReversePayment>()
                .HandleAsync(purchase.StripeAccountId, purchase.PaymentIntentId!, purchase.Amount, ReversalKind.Refund, Ct);
        }

        reversed.ShouldBeTrue();
        (await api.OwnWalletAsync(client.SubAccountId)).ShouldBe(0, "the refunded credits left the client's balance");
        await api.LedgerIsCleanAsync();
    }

    // A client opens a checkout at its agency and does not pay; then the agency hands the account over to the client.
    private async Task<(TestAgency Agency, TestClient Client, System.Text.Json.JsonElement Session)> HandedOverWithAnOpenCheckoutAsync()
    {
        var agency = await api.CreateAgencyAsync();
        await api.SetMinimumAsync("usd", "0.05");
        var client = await agency.CreateClientAsync(name: "Bluebird Dental");
        var pack = await agency.CreatePackAsync("Starter", 100, 1_500);
        var session = await (await agency.CheckoutAsync(client.SubAccountId, new { packId = pack })).ExpectAsync(HttpStatusCode.Created);
        await (await agency.OfferOwnershipAsync(client.SubAccountId)).ExpectAsync(HttpStatusCode.Created);
        await api.AcceptAsClientAsync(client, await api.TransferLinkAsync(client));
        return (agency, client, session);
    }

    // The credits an agency has issued: its issuance wallet runs negative by every credit it has sold or granted.
    private async Task<long> IssuedAsync(string agencyId)
    {
        await using var scope = api.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<EngineDbContext>();
        var id = AgencyId.From(Guid.Parse(agencyId));
        var wallet = await db.Agencies.AsNoTracking().Where(a => a.Id == id).Select(a => a.IssuanceWalletId).SingleAsync(Ct);
        return -await db.Wallets.AsNoTracking().Where(w => w.Id == wallet).Select(w => w.Balance).SingleAsync(Ct);
    }
}

public sealed class CheckoutAcrossOwnershipTestsOnSqlite(ClockedSqliteApi api) : CheckoutAcrossOwnershipTests(api), IClassFixture<ClockedSqliteApi>;

public sealed class CheckoutAcrossOwnershipTestsOnPostgres(ClockedPostgresApi api) : CheckoutAcrossOwnershipTests(api), IClassFixture<ClockedPostgresApi>;
