using System.Net;
using Microsoft.Extensions.DependencyInjection;
using ResellerKit.Storefront.Shop;
using ResellerKit.Tests.Unit.BackOffice;
using ResellerKit.Tests.Unit.Support;

namespace ResellerKit.Tests.Unit.Security;

/// <summary>
/// Cookie tossing: a storefront runs its agency's scripts on <c>{slug}.{platform host}</c>, which may set a cookie for
/// the parent domain that the back office or a sibling storefront would read. On an https install every session,
/// form-token, workspace and two-step cookie is a <c>__Host-</c> cookie (Secure, Path=/, no Domain), which no subdomain can set.
/// </summary>
public sealed class HostPrefixedCookiesTests(HttpsApi api) : IClassFixture<HttpsApi>
{
    [Fact]
    public async Task BackOfficeSignIn_OnAnHttpsInstall_IssuesHostPrefixedCookies()
    {
        var agency = await api.CreateAgencyAsync();
        var client = await agency.CreateClientAsync();

        var owner = await api.SignInOwnerAsync(agency);
        var (home, _) = await owner.GetAsync("/admin");
        var switched = await owner.SubmitAsync("/admin", "/admin/switch", ("to", $"sub:{client.SubAccountId}"));
        var (_, inside) = await owner.GetAsync("/admin");

        home.ShouldBe(HttpStatusCode.OK, "the back office reads its session under the prefixed name");
        switched.StatusCode.ShouldBe(HttpStatusCode.Redirect);
        inside.ShouldContain("Assist mode:", Case.Sensitive, "the workspace choice is read back under the prefixed name");
        foreach (var name in (string[])["__Host-rk.session", "__Host-rk.csrf", "__Host-rk.workspace"])
        {
            ShouldBeHostPrefixed(owner.SetCookies, name);
        }
        owner.SetCookies.ShouldNotContain(c => c.StartsWith("rk.", StringComparison.Ordinal));
    }

    [Fact]
    public async Task TwoStepSignIn_OnAnHttpsInstall_CarriesItsStepInAHostPrefixedCookie()
    {
        var agency = await api.CreateAgencyAsync();
        var (key, _) = await (await api.SignInOwnerAsync(agency)).TurnOnAsync();

        var (browser, next) = await api.PasswordStepAsync($"owner@{agency.Slug}.example", BackOfficeSignIn.OwnerPassword);
        var code = await browser.CodeStepAsync(Totp.Code(key, DateTimeOffset.UtcNow));
        var (home, _) = await browser.GetAsync("/admin");

        next!.AbsolutePath.ShouldBe("/admin/login/code");
        ShouldBeHostPrefixed(browser.SetCookies, "__Host-rk.2fa");
        code.StatusCode.ShouldBe(HttpStatusCode.Redirect, "the code step reads the password step under the prefixed name");
        home.ShouldBe(HttpStatusCode.OK);
        browser.SetCookies.ShouldNotContain(c => c.StartsWith("rk.", StringComparison.Ordinal) || c.StartsWith(".AspNetCore.Identity", StringComparison.Ordinal));
    }

    [Fact]
    public async Task StorefrontSignIn_OnAnHttpsInstall_IssuesAHostPrefixedSessionThatOpensTheAccount()
    {
        var agency = await api.CreateAgencyAsync();
        var client = await agency.CreateClientAsync();

        var shopper = await api.SignInAsync(agency, client);
        var (status, _) = await shopper.GetAsync("/account");

        ShouldBeHostPrefixed(shopper.SetCookies, "__Host-rk.shop");
        ShouldBeHostPrefixed(shopper.SetCookies, "__Host-rk.csrf");
        shopper.SetCookies.ShouldNotContain(c => c.StartsWith("rk.", StringComparison.Ordinal));
        status.ShouldBe(HttpStatusCode.OK, "the storefront reads its session under the prefixed name");
    }

    [Fact]
    public async Task StorefrontPage_WithAHostPrefixedSessionCookie_IsRenderedForTheVisitorAlone()
    {
        var agency = await api.CreateAgencyAsync();
        var renders = api.Services.GetRequiredService<ShopRenders>();
        await Browser.Storefront(api, agency.Slug).GetAsync("/sign-in");
        var before = renders.Of(agency.Slug);
        var visitor = Browser.Storefront(api, agency.Slug);
        visitor.Client.DefaultRequestHeaders.Add("Cookie", "__Host-rk.shop=anything");

        var (status, page) = await visitor.GetAsync("/sign-in");

        status.ShouldBe(HttpStatusCode.OK);
        (renders.Of(agency.Slug) - before).ShouldBe(1, "a visitor with a storefront session cookie is never given the shared page");
        page.ShouldNotContain("name=\"__csrf\" value=\"\"");
    }

    private static void ShouldBeHostPrefixed(IReadOnlyList<string> setCookies, string name)
    {
        var cookie = setCookies.FirstOrDefault(c => c.StartsWith(name + "=", StringComparison.Ordinal));
        cookie.ShouldNotBeNull($"no {name} cookie among: {string.Join(" | ", setCookies)}");
        var attributes = cookie.Split(';', StringSplitOptions.TrimEntries).Skip(1).Select(a => a.ToLowerInvariant()).ToList();
        attributes.ShouldContain("secure", name);
        attributes.ShouldContain("path=/", name);
        attributes.ShouldNotContain(a => a.StartsWith("domain=", StringComparison.Ordinal), name);
    }
}
