using System.Net;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using ResellerKit.Engine.Common;
using ResellerKit.Engine.OwnershipTransfers;
using ResellerKit.Engine.Persistence;
using ResellerKit.Engine.SubAccounts;
using ResellerKit.Tests.Unit.Support;

namespace ResellerKit.Tests.Unit.Api;

/// <summary>
/// Issue 17, ownership that moves, when two answers arrive at once: a double-click on Accept, two accepts of one
/// offer, or a cancel (or withdrawal) racing an accept. Exactly one wins; the other is told in words that the transfer
/// was already answered (409 <c>conflict</c>); the transfer's status says what happened to the account; and every
/// credit is still in the account's own wallet, with the ledger verifying clean.
/// </summary>
public abstract class OwnershipTransferRaceTests(ClockedApi api)
{
    private const int Rounds = 8;
    private const long Credits = 500;

    [Fact]
    public async Task AcceptOwnership_TwoConcurrentAccepts_OneSucceedsOtherConflictsAndBalanceKept()
    {
        var agency = await api.CreateAgencyAsync();
        await api.GrantPoolAsync(agency, Credits * Rounds);
        for (var round = 0; round < Rounds; round++)
        {
            var (client, token, user) = await OfferedToClientAsync(agency);

            var answers = await Task.WhenAll(AcceptAsClientAsync(token, user), AcceptAsClientAsync(token, user));

            answers.Count(a => a.IsSuccess).ShouldBe(1, $"round {round}");
            answers.Single(a => !a.IsSuccess).Error.ShouldBeOfType<TransferLinkUsed>().Code.ShouldBe("conflict");
            (await api.SubAccountAsync(client.SubAccountId)).Ownership.ShouldBe(Ownership.Client);
            (await api.OwnWalletAsync(client.SubAccountId)).ShouldBe(Credits, $"round {round}: every credit is in the account's own wallet");
        }
        await api.LedgerIsCleanAsync();
    }

    [Fact]
    public async Task AcceptOffer_TwoConcurrentAcceptsThroughTheApi_OneIs200TheOther409AndBalanceKept()
    {
        var agency = await api.CreateAgencyAsync();
        await api.GrantPoolAsync(agency, Credits * Rounds);
        for (var round = 0; round < Rounds; round++)
        {
            var (client, _, transferId) = await OfferedToAgencyAsync(agency);

            var answers = await Task.WhenAll(
                agency.Client.PostAsync($"/api/v1/ownership-transfers/{transferId}/accept", null, Ct),
                agency.Client.PostAsync($"/api/v1/ownership-transfers/{transferId}/accept", null, Ct));

            answers.Select(a => a.StatusCode).Order().ToArray().ShouldBe(new[] { HttpStatusCode.OK, HttpStatusCode.Conflict }, $"round {round}");
            await answers.Single(a => a.StatusCode == HttpStatusCode.Conflict).ExpectProblemAsync(HttpStatusCode.Conflict, "conflict");
            (await api.SubAccountAsync(client.SubAccountId)).Ownership.ShouldBe(Ownership.Agency);
            (await api.OwnWalletAsync(client.SubAccountId)).ShouldBe(Credits, $"round {round}: every credit is in the account's own wallet");
        }
        await api.LedgerIsCleanAsync();
    }

    [Fact]
    public async Task CancelTransfer_RacingClientAccept_ExactlyOneWins()
    {
        var agency = await api.CreateAgencyAsync();
        await api.GrantPoolAsync(agency, Credits * Rounds);
        var agencyId = AgencyId.From(Guid.Parse(agency.Id));
        for (var round = 0; round < Rounds; round++)
        {
            var (client, token, user) = await OfferedToClientAsync(agency);
            var id = SubAccountId.From(Guid.Parse(client.SubAccountId));

            var cancel = Scoped<HandOverToClient, OwnershipTransfer>(h => h.CancelAsync(agencyId, id, Actor.System, Ct));
            var accept = AcceptAsClientAsync(token, user);
            await Task.WhenAll(cancel, accept);

            await ExactlyOneWonAsync(round, client, await cancel, await accept, Ownership.Agency, Ownership.Client);
        }
        await api.LedgerIsCleanAsync();
    }

    [Fact]
    public async Task WithdrawOffer_RacingAgencyAccept_ExactlyOneWins()
    {
        var agency = await api.CreateAgencyAsync();
        await api.GrantPoolAsync(agency, Credits * Rounds);
        var agencyId = AgencyId.From(Guid.Parse(agency.Id));
        for (var round = 0; round < Rounds; round++)
        {
            var (client, user, transferId) = await OfferedToAgencyAsync(agency);
            var id = SubAccountId.From(Guid.Parse(client.SubAccountId));

            var withdraw = Scoped<HandOverToAgency, OwnershipTransfer>(h => h.WithdrawAsync(id, user, Actor.System, Ct));
            var accept = Scoped<HandOverToAgency, OwnershipTransfer>(h => h.AcceptAsync(agencyId, transferId, Actor.System, Ct));
            await Task.WhenAll(withdraw, accept);

            await ExactlyOneWonAsync(round, client, await withdraw, await accept, Ownership.Client, Ownership.Agency);
        }
        await api.LedgerIsCleanAsync();
    }

    // The cancel (or withdrawal) and the accept: one won, the loser heard 409, and the stored transfer agrees with the account.
    private async Task ExactlyOneWonAsync(
        int round, TestClient client, Result<OwnershipTransfer> cancel, Result<OwnershipTransfer> accept, Ownership ifCancelled, Ownership ifAccepted)
    {
        (cancel.IsSuccess ^ accept.IsSuccess).ShouldBeTrue($"round {round}: exactly one of cancel and accept wins");
        if (cancel.IsSuccess)
        {
            accept.Error!.Code.ShouldBe("conflict");
        }
        else
        {
            // 409 when the two overlapped; 404 (nothing waits, as the API says) when the accept had already finished.
            cancel.Error!.Code.ShouldBeOneOf("conflict", "not_found");
        }
        var status = await StatusAsync(client.SubAccountId, ifAccepted == Ownership.Client ? TransferDirection.ToClient : TransferDirection.ToAgency);
        var ownership = (await api.SubAccountAsync(client.SubAccountId)).Ownership;
        (status, ownership).ShouldBe(cancel.IsSuccess ? (TransferStatus.Cancelled, ifCancelled) : (TransferStatus.Accepted, ifAccepted), $"round {round}");
        (await api.OwnWalletAsync(client.SubAccountId)).ShouldBe(Credits, $"round {round}: every credit is in the account's own wallet");
    }

    // An agency-owned client holding Credits, with a transfer to itself waiting. The platform's house agency, which
    // holds client-owned accounts, is set up first: two first-ever accepts at once racing to create it is another matter.
    private async Task<(TestClient Client, string Token, Guid User)> OfferedToClientAsync(TestAgency agency)
    {
        await using (var scope = api.Services.CreateAsyncScope())
        {
            await scope.ServiceProvider.GetRequiredService<ResellerKit.Engine.Agencies.HouseAgency>().EnsureAsync("operator@platform.invalid", Ct);
        }
        var client = await agency.CreateClientAsync(name: "Bluebird Dental");
        await agency.GrantAsync(client.SubAccountId, Credits);
        await (await agency.OfferOwnershipAsync(client.SubAccountId)).ExpectAsync(HttpStatusCode.Created);
        var link = await api.TransferLinkAsync(client);
        return (client, WebUtility.UrlDecode(link[(link.IndexOf("token=", StringComparison.Ordinal) + 6)..]), await UserOfAsync(client.SubAccountId));
    }

    // A client-owned account holding Credits, offered by its client to the agency it stays connected to.
    private async Task<(TestClient Client, Guid User, Guid TransferId)> OfferedToAgencyAsync(TestAgency agency)
    {
        var (client, token, user) = await OfferedToClientAsync(agency);
        (await AcceptAsClientAsync(token, user)).IsSuccess.ShouldBeTrue();
        var id = SubAccountId.From(Guid.Parse(client.SubAccountId));
        await using var scope = api.Services.CreateAsyncScope();
        var connection = await scope.ServiceProvider.GetRequiredService<EngineDbContext>().Connections.Where(c => c.SubAccountId == id).Select(c => c.Id).SingleAsync(Ct);
        var offered = await scope.ServiceProvider.GetRequiredService<HandOverToAgency>().OfferAsync(id, connection, user, Actor.System, Ct);
        return (client, user, offered.Value.Id);
    }

    private Task<Result<OwnershipTransfer>> AcceptAsClientAsync(string token, Guid user) =>
        Scoped<HandOverToClient, OwnershipTransfer>(h => h.AcceptAsync(token, user, Actor.System, Ct));

    // Each answer in its own scope (its own DbContext and connection), as two requests would be.
    private async Task<Result<TResult>> Scoped<THandler, TResult>(Func<THandler, Task<Result<TResult>>> work) where THandler : notnull
    {
        await Task.Yield();
        await using var scope = api.Services.CreateAsyncScope();
        return await work(scope.ServiceProvider.GetRequiredService<THandler>());
    }

    private async Task<Guid> UserOfAsync(string subAccountId)
    {
        await using var scope = api.Services.CreateAsyncScope();
        var id = SubAccountId.From(Guid.Parse(subAccountId));
        return await scope.ServiceProvider.GetRequiredService<EngineDbContext>().Memberships.Where(m => m.SubAccountId == id).Select(m => m.UserId).SingleAsync(Ct);
    }

    private async Task<TransferStatus> StatusAsync(string subAccountId, TransferDirection direction)
    {
        await using var scope = api.Services.CreateAsyncScope();
        var id = SubAccountId.From(Guid.Parse(subAccountId));
        return await scope.ServiceProvider.GetRequiredService<EngineDbContext>().OwnershipTransfers.AsNoTracking()
            .Where(t => t.SubAccountId == id && t.Direction == direction).Select(t => t.Status).SingleAsync(Ct);
    }
}

public sealed class OwnershipTransferRaceTestsOnSqlite(ClockedSqliteApi api) : OwnershipTransferRaceTests(api), IClassFixture<ClockedSqliteApi>;

public sealed class OwnershipTransferRaceTestsOnPostgres(ClockedPostgresApi api) : OwnershipTransferRaceTests(api), IClassFixture<ClockedPostgresApi>;
