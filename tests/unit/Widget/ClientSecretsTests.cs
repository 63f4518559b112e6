using Microsoft.Extensions.Options;
using ResellerKit.Engine.Common;
using ResellerKit.Engine.Embedding;
using ResellerKit.Storefront.WidgetHost;
using ResellerKit.Tests.Unit.Support;

namespace ResellerKit.Tests.Unit.Widget;

/// <summary>The client secret's format and signature, apart from the database: what verifies and what never does.</summary>
public sealed class ClientSecretsTests
{
    private static readonly DateTimeOffset Now = new(2026, 3, 1, 12, 0, 0, TimeSpan.Zero);
    private readonly TestClock clock = new(Now);

    private ClientSecrets Secrets(string key) => new(
        new WidgetSigningKey(null!, Options.Create(new WidgetOptions { SigningKey = key })), clock);

    private static readonly string KeyA = Convert.ToBase64String(Enumerable.Range(1, 32).Select(i => (byte)i).ToArray());
    private static readonly string KeyB = Convert.ToBase64String(Enumerable.Range(2, 32).Select(i => (byte)i).ToArray());

    private static WidgetSession Session(TimeSpan lifetime) =>
        WidgetSession.Open(AgencyId.New(), SubAccountId.New(), Now, lifetime);

    [Fact]
    public async Task Read_OfAFreshSecret_ReturnsItsSessionAgencyAndSubAccount()
    {
        var session = Session(TimeSpan.FromMinutes(30));
        var secret = await Secrets(KeyA).IssueAsync(session, Ct);

        var claims = await Secrets(KeyA).ReadAsync(secret, Ct);

        secret.ShouldStartWith("rkws_");
        claims.ShouldBe(new ClientSecret(session.Id, session.AgencyId, session.SubAccountId, session.ExpiresAt));
    }

    [Fact]
    public async Task Read_OfASecretSignedWithAnotherKey_ReturnsNull()
    {
        var secret = await Secrets(KeyB).IssueAsync(Session(TimeSpan.FromMinutes(30)), Ct);

        (await Secrets(KeyA).ReadAsync(secret, Ct)).ShouldBeNull();
    }

    [Fact]
    public async Task Read_OfASecretWhosePayloadWasChanged_ReturnsNull()
    {
        var secret = await Secrets(KeyA).IssueAsync(Session(TimeSpan.FromMinutes(30)), Ct);
        var other = await Secrets(KeyA).IssueAsync(Session(TimeSpan.FromMinutes(30)), Ct);
        var spliced = other.Split('.')[0] + "." + secret.Split('.')[1];

        (await Secrets(KeyA).ReadAsync(spliced, Ct)).ShouldBeNull();
    }

    [Fact]
    public async Task Read_AfterExpiry_ReturnsNull()
    {
        var secrets = Secrets(KeyA);
        var secret = await secrets.IssueAsync(Session(TimeSpan.FromMinutes(5)), Ct);

        clock.Advance(TimeSpan.FromMinutes(5));

        (await secrets.ReadAsync(secret, Ct)).ShouldBeNull();
    }

    [Theory]
    [InlineData(null)]
    [InlineData("")]
    [InlineData("rkws_")]
    [InlineData("rkws_abc.def")]
    [InlineData("rkws_!!!.???")]
    [InlineData("sk_live_something")]
    public async Task Read_OfGarbage_ReturnsNull(string? secret) =>
        (await Secrets(KeyA).ReadAsync(secret, Ct)).ShouldBeNull();
}
