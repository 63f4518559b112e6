using System.Net;
using Microsoft.Extensions.DependencyInjection;
using ResellerKit.Engine.Users;
using ResellerKit.Tests.Unit.Support;

namespace ResellerKit.Tests.Unit.BackOffice;

/// <summary>
/// Issue 17: the platform requires two-step sign-in of platform admins and agency owners. Its own fixture, since the
/// rule is platform-wide.
/// </summary>
public sealed class TwoFactorRequiredTests(SqliteApi api) : IClassFixture<SqliteApi>, IAsyncLifetime
{
    public async ValueTask InitializeAsync()
    {
        await using var scope = api.Services.CreateAsyncScope();
        await scope.ServiceProvider.GetRequiredService<TwoFactorPolicy>().SetRequiredAsync(true, Ct);
    }

    public ValueTask DisposeAsync() => ValueTask.CompletedTask;

    [Fact]
    public async Task TwoFactorRequired_AnOwnerWithoutIt_ReachesOnlyTheSetup()
    {
        var agency = await api.CreateAgencyAsync();
        var owner = await api.SignInOwnerAsync(agency);

        var packs = await owner.GetAsync("/admin/packs");
        var setup = await owner.GetAsync(TwoFactorDriver.SetupPage + "?required=1");
        var post = await owner.Client.PostAsync("/admin/plans/save", new FormUrlEncodedContent([new("name", "Basic")]), Ct);
        await owner.TurnOnAsync();
        var packsAfter = await owner.GetAsync("/admin/packs");

        packs.Status.ShouldBe(HttpStatusCode.Redirect);
        setup.Status.ShouldBe(HttpStatusCode.OK);
        WebUtility.HtmlDecode(setup.Html).ShouldContain("Your platform requires two-step sign-in for platform admins and agency owners. Set it up to continue.");
        post.StatusCode.ShouldBe(HttpStatusCode.Forbidden);
        packsAfter.Status.ShouldBe(HttpStatusCode.OK);
    }

    [Fact]
    public async Task TwoFactorRequired_AnOwnerWithIt_CannotTurnItOff()
    {
        var agency = await api.CreateAgencyAsync();
        var owner = await api.SignInOwnerAsync(agency);
        var (key, _) = await owner.TurnOnAsync();
        var page = TwoFactorDriver.SetupPage;

        var html = WebUtility.HtmlDecode((await owner.GetAsync(page)).Html);
        var forced = await owner.SubmitAsync(page, page, ("_handler", "two-factor-disable"), ("Disable.Value", Totp.Code(key, DateTimeOffset.UtcNow)));

        html.ShouldContain("Your platform requires two-step sign-in for your role, so it stays on.");
        html.ShouldNotContain("Turn off two-step sign-in");
        forced.IsSuccessStatusCode.ShouldBeFalse("the page has no form to turn it off, and a forged post is refused");
        WebUtility.HtmlDecode((await owner.GetAsync(page)).Html).ShouldContain("Two-step sign-in is on");
    }
}
