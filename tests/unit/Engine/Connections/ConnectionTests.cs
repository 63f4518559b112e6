using Microsoft.AspNetCore.Identity;
using Microsoft.Extensions.DependencyInjection;
using ResellerKit.Engine.Agencies;
using ResellerKit.Engine.Common;
using ResellerKit.Engine.Connections;
using ResellerKit.Engine.SubAccounts;
using ResellerKit.Engine.Users;
using ResellerKit.Tests.Unit.Support;

namespace ResellerKit.Tests.Unit.Engine.Connections;

/// <summary>The connect flow's rules: one answer per request, within its lifetime; revoking and terminating once.</summary>
public sealed class ConnectionTests(SqliteEngine engine) : IClassFixture<SqliteEngine>
{
    [Fact]
    public async Task Respond_ToAnExpiredRequest_ReturnsExpired()
    {
        var (agency, client) = await ClientOwnedAccountAsync();
        var request = await RequestAsync(agency.Id, client.Email);
        engine.Clock.Advance(Connection.RequestLifetime + TimeSpan.FromMinutes(1));

        var answer = await RespondAsync(request.Id, client.Email, accept: true);

        answer.Error.ShouldBeOfType<ConnectionRequestExpired>().Detail.ShouldContain("expired");
    }

    [Fact]
    public async Task Respond_ToAnAlreadyAnsweredRequest_ReturnsAlreadyAnswered()
    {
        var (agency, client) = await ClientOwnedAccountAsync();
        var request = await RequestAsync(agency.Id, client.Email);
        (await RespondAsync(request.Id, client.Email, accept: false)).IsSuccess.ShouldBeTrue();

        var again = await RespondAsync(request.Id, client.Email, accept: true);

        again.Error.ShouldBe(new ConnectionAlreadyAnswered(ConnectionStatus.Declined));
    }

    [Fact]
    public async Task Revoke_Twice_SaysAccessWasAlreadyRevoked()
    {
        var (agency, client) = await ClientOwnedAccountAsync();
        var request = await RequestAsync(agency.Id, client.Email);
        await RespondAsync(request.Id, client.Email, accept: true);
        var userId = await UserIdAsync(client.Email);

        var first = await engine.InScopeAsync(s => s.GetRequiredService<ManageConnections>().RevokeAsync(request.Id, userId, Actor.System, default));
        var second = await engine.InScopeAsync(s => s.GetRequiredService<ManageConnections>().RevokeAsync(request.Id, userId, Actor.System, default));

        first.IsSuccess.ShouldBeTrue();
        second.Error.ShouldBeOfType<ConnectionNotActive>().Detail.ShouldBe("The agency's access was already revoked.");
    }

    [Fact]
    public async Task Request_ToAnAddressWithNoClientOwnedAccount_NamesTheEmailField()
    {
        var agency = await engine.NewAgencyAsync();

        var result = await engine.InScopeAsync(s => s.GetRequiredService<ManageConnections>()
            .RequestAsync(agency.Id, "nobody-here@example.com", MembershipRole.Admin, Areas.All, Actor.System, default));

        result.Error.ShouldBeOfType<ValidationFailed>().Errors.Keys.ShouldBe(["email"]);
    }

    [Theory]
    [InlineData("not-an-email")]
    [InlineData("")]
    public async Task Request_WithAnInvalidEmail_NamesTheEmailField(string email)
    {
        var agency = await engine.NewAgencyAsync();

        var result = await engine.InScopeAsync(s => s.GetRequiredService<ManageConnections>()
            .RequestAsync(agency.Id, email, MembershipRole.Admin, Areas.All, Actor.System, default));

        result.Error.ShouldBeOfType<ValidationFailed>().Errors.Keys.ShouldBe(["email"]);
    }

    [Fact]
    public async Task Request_WhileOneIsPending_IsADuplicateOnTheEmailField()
    {
        var (agency, client) = await ClientOwnedAccountAsync();
        await RequestAsync(agency.Id, client.Email);

        var again = await engine.InScopeAsync(s => s.GetRequiredService<ManageConnections>()
            .RequestAsync(agency.Id, client.Email, MembershipRole.Admin, Areas.All, Actor.System, default));

        again.Error.ShouldBeOfType<DuplicateValue>().Field.ShouldBe("email");
    }

    [Fact]
    public async Task Respond_ByAnotherUser_LooksLikeAMissingRequest()
    {
        var (agency, client) = await ClientOwnedAccountAsync();
        var request = await RequestAsync(agency.Id, client.Email);
        var (_, stranger) = await ClientOwnedAccountAsync();

        var result = await RespondAsync(request.Id, stranger.Email, accept: true);

        result.Error.ShouldBeOfType<NotFound>();
    }

    [Fact]
    public async Task Request_MemberAskingForAgencyAreas_GetsOnlyTheAreasOfAClientOwnedAccount()
    {
        var (agency, client) = await ClientOwnedAccountAsync();

        var request = await engine.InScopeAsync(async s => (await s.GetRequiredService<ManageConnections>().RequestAsync(
            agency.Id, client.Email, MembershipRole.Member, Areas.Packs | Areas.Theme | Areas.Credits, Actor.System, default)).Value);

        request.Areas.ShouldBe(Areas.Credits);
    }

    private async Task<(Agency Agency, SubAccount Client)> ClientOwnedAccountAsync()
    {
        var agency = await engine.NewAgencyAsync();
        var client = await engine.InScopeAsync(async s =>
        {
            var house = await s.GetRequiredService<HouseAgency>().EnsureAsync("ops@platform.example", default);
            var created = await s.GetRequiredService<CreateSubAccount>().ClientOwnedAsync(house.Id,
                new CreateSubAccountCommand("Cafe", $"cafe-{Guid.NewGuid():N}@example.com", CreditMode.Reselling), Actor.System, default);
            return created.Value.SubAccount;
        });
        return (agency, client);
    }

    private Task<Connection> RequestAsync(AgencyId agencyId, string email) => engine.InScopeAsync(async s =>
        (await s.GetRequiredService<ManageConnections>().RequestAsync(agencyId, email, MembershipRole.Admin, Areas.All, Actor.System, default)).Value);

    private async Task<Result<Connection>> RespondAsync(Guid connectionId, string email, bool accept)
    {
        var userId = await UserIdAsync(email);
        return await engine.InScopeAsync(s => s.GetRequiredService<ManageConnections>().RespondAsync(connectionId, userId, accept, Actor.System, default));
    }

    private Task<Guid> UserIdAsync(string email) => engine.InScopeAsync(async s =>
        (await s.GetRequiredService<UserManager<User>>().FindByEmailAsync(email))!.Id);
}
