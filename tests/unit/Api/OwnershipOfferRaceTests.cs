using System.Net;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using ResellerKit.Engine.Common;
using ResellerKit.Engine.OwnershipTransfers;
using ResellerKit.Engine.Persistence;
using ResellerKit.Tests.Unit.Support;

namespace ResellerKit.Tests.Unit.Api;

/// <summary>
/// Issue 17: an agency's server (or a double-click) asks twice at once to hand one account to its client. One transfer
/// waits, with one emailed link; the other request hears 409 that a transfer is already waiting.
/// </summary>
public abstract class OwnershipOfferRaceTests(ClockedApi api)
{
    private const int Rounds = 8;

    [Fact]
    public async Task OfferOwnership_TwoAtOnce_OneIs201TheOther409AndOneTransferWaits()
    {
        var agency = await api.CreateAgencyAsync();
        for (var round = 0; round < Rounds; round++)
        {
            var client = await agency.CreateClientAsync(name: $"Bluebird Dental {round}");

            var answers = await Task.WhenAll(OfferAsync(agency, client), OfferAsync(agency, client));

            answers.Select(a => a.StatusCode).Order().ToArray().ShouldBe([HttpStatusCode.Created, HttpStatusCode.Conflict], $"round {round}");
            await answers.Single(a => a.StatusCode == HttpStatusCode.Conflict).ExpectProblemAsync(HttpStatusCode.Conflict, "conflict");
            (await WaitingAsync(client.SubAccountId)).ShouldBe(1, $"round {round}: one transfer waits");
        }
    }

    private static async Task<HttpResponseMessage> OfferAsync(TestAgency agency, TestClient client)
    {
        await Task.Yield();
        return await agency.OfferOwnershipAsync(client.SubAccountId);
    }

    private async Task<int> WaitingAsync(string subAccountId)
    {
        await using var scope = api.Services.CreateAsyncScope();
        var id = SubAccountId.From(Guid.Parse(subAccountId));
        return await scope.ServiceProvider.GetRequiredService<EngineDbContext>().OwnershipTransfers.AsNoTracking()
            .CountAsync(t => t.SubAccountId == id && t.Status == TransferStatus.Pending, Ct);
    }
}

public sealed class OwnershipOfferRaceTestsOnSqlite(ClockedSqliteApi api) : OwnershipOfferRaceTests(api), IClassFixture<ClockedSqliteApi>;

public sealed class OwnershipOfferRaceTestsOnPostgres(ClockedPostgresApi api) : OwnershipOfferRaceTests(api), IClassFixture<ClockedPostgresApi>;
