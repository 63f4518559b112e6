using System.Net;
using System.Net.Http.Json;
using ResellerKit.Tests.Unit.Support;

namespace ResellerKit.Tests.Unit.Shop;

/// <summary>
/// Issue 15, item 1: a custom domain that is verified serves the storefront on the very next request, and one that is
/// given up stops at once, although the storefront's pages were cached on it.
/// </summary>
public sealed class StorefrontCacheDomainTests(DnsApi api) : IClassFixture<DnsApi>
{
    [Fact]
    public async Task CustomDomain_VerifiedThenGivenUp_ShowsOnTheNextRequestEachTime()
    {
        Assert.SkipUnless(LoopbackDns.IsInstalled, $"{LoopbackDns.Executable} is not installed (./test.sh installs Debian's dnsmasq-base).");
        var agency = await api.CreateAgencyAsync();
        var domain = $"cached.{agency.Slug}.example";
        var claimed = await agency.Client.PatchAsJsonAsync("/api/v1/agency", new { customDomain = domain }, Ct);
        var challenge = (await claimed.ExpectAsync(HttpStatusCode.OK)).GetProperty("customDomainChallenge");
        await api.Dns.PublishTxtAsync(challenge.GetProperty("name").GetString()!, challenge.GetProperty("value").GetString()!);
        var (beforeVerified, _) = await Browser.Open(api, domain).GetAsync("/");

        (await agency.Client.PostAsync("/api/v1/agency/custom-domain/verify", null, Ct)).EnsureSuccessStatusCode();
        var (verified, _) = await Browser.Open(api, domain).GetAsync("/");
        var (cached, _) = await Browser.Open(api, domain).GetAsync("/");
        (await agency.Client.PatchAsJsonAsync("/api/v1/agency", new { customDomain = (string?)null }, Ct)).EnsureSuccessStatusCode();
        var (givenUp, _) = await Browser.Open(api, domain).GetAsync("/");

        beforeVerified.ShouldBe(HttpStatusCode.NotFound);
        verified.ShouldBe(HttpStatusCode.OK);
        cached.ShouldBe(HttpStatusCode.OK);
        givenUp.ShouldBe(HttpStatusCode.NotFound);
    }
}
