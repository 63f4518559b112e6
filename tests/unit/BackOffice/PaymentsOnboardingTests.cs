using System.Net;
using Microsoft.Extensions.DependencyInjection;
using ResellerKit.Engine.Common;
using ResellerKit.Engine.Purchases;
using ResellerKit.Engine.Users;
using ResellerKit.Tests.Unit.Support;

namespace ResellerKit.Tests.Unit.BackOffice;

/// <summary>
/// Connecting the agency's Stripe account (Settings, Payments) is the owner's: Stripe asks for the business's identity
/// and the bank account its money goes to. A team member whose role opens Settings, or an admin, is told so instead of
/// shown the button; a forged post of the form is refused, and the Engine refuses whichever front end asks.
/// </summary>
public abstract class PaymentsOnboardingTests(ApiFixture api)
{
    [Theory]
    [InlineData(MembershipRole.Member, Areas.Settings)]
    [InlineData(MembershipRole.Admin, Areas.All)]
    public async Task Onboard_ByATeamMemberWhoIsNotAnOwner_IsToldWhyAndAPostNeverReachesStripe(MembershipRole role, Areas areas)
    {
        var agency = await api.CreateAgencyAsync();
        var member = await api.AddTeamMemberAsync(agency, role, areas);
        var browser = await api.SignInBackOfficeAsync(member.Email, member.Password);

        var (_, page) = await browser.GetAsync("/admin/settings");
        var posted = await browser.SubmitAsync("/admin/settings", "/admin/settings", ("_handler", "onboard"));

        posted.Headers.Location.ShouldBeNull();
        ((int)posted.StatusCode).ShouldBeInRange(400, 499);
        page.ShouldContain("Branding");
        WebUtility.HtmlDecode(page).ShouldContain("Only an owner of the agency can connect or review its Stripe account");
        page.ShouldNotContain("Connect with Stripe");
        page.ShouldNotContain("Review Stripe account");
    }

    /// <summary>The page shows no button to a member; the Engine refuses whichever front end asks for one.</summary>
    [Theory]
    [InlineData(MembershipRole.Member, Areas.Settings | Areas.Credits)]
    [InlineData(MembershipRole.Admin, Areas.All)]
    public async Task StartOnboarding_ForATeamMemberWhoIsNotAnOwner_IsPaymentsOwnersOnly(MembershipRole role, Areas areas)
    {
        var agency = await api.CreateAgencyAsync();
        var member = await api.AddTeamMemberAsync(agency, role, areas);
        await using var scope = api.Services.CreateAsyncScope();
        var connect = scope.ServiceProvider.GetRequiredService<ConnectAgencyPayments>();

        var link = await connect.StartOnboardingAsync(
            AgencyId.From(Guid.Parse(agency.Id)), member.UserId, "https://back.example", "https://back.example", new Actor($"user:{member.UserId}", "Member"), Ct);

        link.Error.ShouldBeOfType<PaymentsOwnersOnly>().Code.ShouldBe("forbidden");
    }

    [Fact]
    public async Task Onboard_ByTheOwner_GoesToStripesOnboarding()
    {
        var agency = await api.CreateAgencyAsync();
        var owner = await api.SignInOwnerAsync(agency);

        var posted = await owner.SubmitAsync("/admin/settings", "/admin/settings", ("_handler", "onboard"));

        posted.StatusCode.ShouldBe(HttpStatusCode.Redirect);
        posted.Headers.Location!.ToString().ShouldContain("/stripe-sandbox/connect/acct_");
    }
}

public sealed class PaymentsOnboardingTestsOnSqlite(SqliteApi api) : PaymentsOnboardingTests(api), IClassFixture<SqliteApi>;

public sealed class PaymentsOnboardingTestsOnPostgres(PostgresApi api) : PaymentsOnboardingTests(api), IClassFixture<PostgresApi>;
