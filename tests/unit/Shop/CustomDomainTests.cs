using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using ResellerKit.Engine.Agencies;
using ResellerKit.Engine.Common;
using ResellerKit.Engine.Persistence;
using ResellerKit.Tests.Unit.Support;

namespace ResellerKit.Tests.Unit.Shop;

/// <summary>
/// Issue 13, item 10: a custom domain serves a storefront only once its agency published the DNS TXT record the
/// platform asked for, checked against a real DNS server on loopback. Claiming a name proves nothing and blocks no one.
/// </summary>
public sealed class CustomDomainTests(DnsApi api) : IClassFixture<DnsApi>
{
    [Fact]
    public async Task CustomDomain_ClaimedButUnverified_ServesNothing_AndBlocksNoOne()
    {
        SkipWithoutDnsServer();
        var claimer = await api.CreateAgencyAsync();
        var owner = await api.CreateAgencyAsync();
        var domain = $"shop.{owner.Slug}.example";

        var claimed = await claimer.Client.PatchAsJsonAsync("/api/v1/agency", new { customDomain = domain }, Ct);
        var alsoClaimed = await owner.Client.PatchAsJsonAsync("/api/v1/agency", new { customDomain = domain }, Ct);
        var onDomain = Browser.Open(api, domain).Client;
        var page = await onDomain.GetAsync("/", Ct);
        var admin = await onDomain.GetAsync("/admin/login", Ct);

        var body = await claimed.ExpectAsync(HttpStatusCode.OK);
        body.GetProperty("customDomainVerified").GetBoolean().ShouldBeFalse();
        body.GetProperty("customDomainChallenge").GetProperty("type").GetString().ShouldBe("TXT");
        body.GetProperty("customDomainChallenge").GetProperty("name").GetString().ShouldBe($"_resellerkit-challenge.{domain}");
        alsoClaimed.StatusCode.ShouldBe(HttpStatusCode.OK);
        page.StatusCode.ShouldBe(HttpStatusCode.NotFound);
        admin.StatusCode.ShouldBe(HttpStatusCode.NotFound);
    }

    [Fact]
    public async Task CustomDomain_WithItsTxtRecordPublished_ServesTheStorefrontOnly()
    {
        SkipWithoutDnsServer();
        var agency = await api.CreateAgencyAsync();
        await agency.Client.PatchAsJsonAsync("/api/v1/agency", new { displayName = "Verified Brand" }, Ct);
        var domain = $"credits.{agency.Slug}.example";
        var challenge = await ClaimAsync(agency, domain);

        var early = await agency.Client.PostAsync("/api/v1/agency/custom-domain/verify", null, Ct);
        await api.Dns.PublishTxtAsync(challenge.GetProperty("name").GetString()!, challenge.GetProperty("value").GetString()!);
        var verified = await agency.Client.PostAsync("/api/v1/agency/custom-domain/verify", null, Ct);
        var (status, html) = await Eventually.ReturnsAsync(() => Browser.Open(api, domain).GetAsync("/"), r => r.Status == HttpStatusCode.OK);
        var admin = await Browser.Open(api, domain).Client.GetAsync("/admin/login", Ct);

        (await early.ExpectProblemAsync(HttpStatusCode.UnprocessableEntity, "domain_not_verified")).GetProperty("detail").GetString()!
            .ShouldContain(challenge.GetProperty("name").GetString()!);
        (await verified.ExpectAsync(HttpStatusCode.OK)).GetProperty("storefrontUrl").GetString().ShouldBe($"http://{domain}/");
        status.ShouldBe(HttpStatusCode.OK);
        html.ShouldContain("Verified Brand");
        admin.StatusCode.ShouldBe(HttpStatusCode.NotFound);
    }

    [Fact]
    public async Task CustomDomain_WithAnotherAgencysRecord_IsNotVerified()
    {
        SkipWithoutDnsServer();
        var attacker = await api.CreateAgencyAsync();
        var victim = await api.CreateAgencyAsync();
        var domain = $"shop.{victim.Slug}.example";
        var victimChallenge = await ClaimAsync(victim, domain);
        await ClaimAsync(attacker, domain);
        await api.Dns.PublishTxtAsync(victimChallenge.GetProperty("name").GetString()!, victimChallenge.GetProperty("value").GetString()!);

        var attempt = await attacker.Client.PostAsync("/api/v1/agency/custom-domain/verify", null, Ct);
        var rightful = await victim.Client.PostAsync("/api/v1/agency/custom-domain/verify", null, Ct);
        var takeover = await attacker.Client.PatchAsJsonAsync("/api/v1/agency", new { customDomain = domain }, Ct);

        (await attempt.ExpectProblemAsync(HttpStatusCode.UnprocessableEntity, "domain_not_verified")).ShouldNotBe(default);
        (await rightful.ExpectAsync(HttpStatusCode.OK)).GetProperty("customDomainVerified").GetBoolean().ShouldBeTrue();
        takeover.StatusCode.ShouldBe(HttpStatusCode.Conflict);
    }

    [Fact]
    public async Task Settings_WithAnUnverifiedDomain_ShowsTheTxtRecordAndChecksItOnRequest()
    {
        SkipWithoutDnsServer();
        var agency = await api.CreateAgencyAsync();
        var domain = $"shop.{agency.Slug}.example";
        var challenge = await ClaimAsync(agency, domain);
        var owner = await api.SignInOwnerAsync(agency);
        var name = challenge.GetProperty("name").GetString()!;
        var value = challenge.GetProperty("value").GetString()!;

        var before = WebUtility.HtmlDecode((await owner.GetAsync("/admin/settings")).Html);
        var early = await owner.SubmitAsync("/admin/settings", "/admin/settings", ("_handler", "verify-domain"));
        await api.Dns.PublishTxtAsync(name, value);
        var checkedAgain = await owner.SubmitAsync("/admin/settings", "/admin/settings", ("_handler", "verify-domain"));

        before.ShouldContain("is not verified yet");
        before.ShouldContain(name);
        before.ShouldContain(value);
        WebUtility.HtmlDecode(await early.Content.ReadAsStringAsync(Ct)).ShouldContain($"No TXT record {name}");
        var after = WebUtility.HtmlDecode(await checkedAgain.Content.ReadAsStringAsync(Ct));
        after.ShouldContain($"{domain} is verified");
        after.ShouldNotContain("is not verified yet");
    }

    [Fact]
    public async Task UpdateBranding_DomainTooLongForItsChallengeRecord_Answers400()
    {
        SkipWithoutDnsServer();
        var agency = await api.CreateAgencyAsync();
        var longest = DomainOfLength(agency, DomainChallenge.MaxDomainLength);

        var tooLong = await agency.Client.PatchAsJsonAsync("/api/v1/agency", new { customDomain = "a" + longest }, Ct);
        var fits = await agency.Client.PatchAsJsonAsync("/api/v1/agency", new { customDomain = longest }, Ct);
        var verify = await agency.Client.PostAsync("/api/v1/agency/custom-domain/verify", null, Ct);

        (await tooLong.ExpectProblemAsync(HttpStatusCode.BadRequest, "validation_failed")).GetProperty("errors").GetProperty("customDomain")[0]
            .GetString()!.ShouldContain($"at most {DomainChallenge.MaxDomainLength} characters");
        (await fits.ExpectAsync(HttpStatusCode.OK)).GetProperty("customDomainChallenge").GetProperty("name").GetString()!.Length.ShouldBe(253);
        await verify.ExpectProblemAsync(HttpStatusCode.UnprocessableEntity, "domain_not_verified");
    }

    [Fact]
    public async Task VerifyCustomDomain_ChallengeNameTooLongForDns_Answers422DomainNotVerified()
    {
        SkipWithoutDnsServer();
        var agency = await api.CreateAgencyAsync();
        // A domain saved before the length cap: its record name (276 characters) is more than DNS can carry.
        await using (var scope = api.Services.CreateAsyncScope())
        {
            var db = scope.ServiceProvider.GetRequiredService<EngineDbContext>();
            var stored = await db.Agencies.SingleAsync(a => a.Id == new AgencyId(Guid.Parse(agency.Id)), Ct);
            stored.RequestDomain(DomainOfLength(agency, 253), DomainChallenge.NewToken());
            await db.SaveChangesAsync(Ct);
        }

        var verify = await agency.Client.PostAsync("/api/v1/agency/custom-domain/verify", null, Ct);

        await verify.ExpectProblemAsync(HttpStatusCode.UnprocessableEntity, "domain_not_verified");
    }

    /// <summary>A valid host name of exactly <paramref name="length"/> characters ending in the agency's own test domain.</summary>
    private static string DomainOfLength(TestAgency agency, int length)
    {
        var domain = $"{agency.Slug}.example";
        while (length - domain.Length > 64)
        {
            domain = new string('a', 62) + "." + domain;
        }
        return new string('b', length - domain.Length - 1) + "." + domain;
    }

    private static async Task<JsonElement> ClaimAsync(TestAgency agency, string domain)
    {
        var claimed = await agency.Client.PatchAsJsonAsync("/api/v1/agency", new { customDomain = domain }, Ct);
        return (await claimed.ExpectAsync(HttpStatusCode.OK)).GetProperty("customDomainChallenge");
    }

    /// <summary>./test.sh installs dnsmasq, and CI runs these tests; a developer machine without it skips them and says why.</summary>
    private static void SkipWithoutDnsServer() =>
        Assert.SkipUnless(LoopbackDns.IsInstalled, $"{LoopbackDns.Executable} is not installed (./test.sh installs Debian's dnsmasq-base).");
}
