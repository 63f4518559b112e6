using System.Net;
using System.Net.Http.Json;
using Microsoft.Extensions.DependencyInjection;
using ResellerKit.Engine.Agencies;
using ResellerKit.Engine.Branding;
using ResellerKit.Engine.Common;
using ResellerKit.Storefront.Shop;
using ResellerKit.Tests.Unit.Support;

namespace ResellerKit.Tests.Unit.Shop;

/// <summary>
/// Issue 15, item 1: storefront pages of visitors who are not signed in come from the output cache, and every kind of
/// change a storefront shows is on the very next request. Each test first proves the old page was served from the
/// cache (the renderer did not run again), so that it would fail if the change did not evict it.
/// </summary>
public abstract class StorefrontCacheTests(ApiFixture api)
{
    [Fact]
    public async Task Page_AskedAgainByAnyVisitor_IsRenderedOnceAndServedFromTheCache()
    {
        var agency = await api.CreateAgencyAsync();
        var before = Renders(agency);

        var first = await Browser.Storefront(api, agency.Slug).Client.GetAsync("/", Ct);
        var second = await Browser.Storefront(api, agency.Slug).Client.GetAsync("/", Ct);
        var third = await Browser.Storefront(api, agency.Slug).Client.GetAsync("/?utm_source=newsletter", Ct);

        first.StatusCode.ShouldBe(HttpStatusCode.OK);
        (Renders(agency) - before).ShouldBe(1, "the renderer ran once for three visitors; a query no page reads is not part of the key");
        (await third.Content.ReadAsStringAsync(Ct)).ShouldBe(await first.Content.ReadAsStringAsync(Ct));
        first.Headers.Contains("Set-Cookie").ShouldBeFalse("a shared page sets no cookie");
        second.Headers.Contains("Set-Cookie").ShouldBeFalse();
        first.Headers.ETag.ShouldNotBeNull();
    }

    [Theory]
    [InlineData("displayName", "Before Brand", "After Brand", "After Brand")]
    [InlineData("primaryColor", "#ff6600", "#0055aa", "--accent: #0055aa;")]
    [InlineData("logoUrl", "https://cdn.example/before.png", "https://cdn.example/after.png", "https://cdn.example/after.png")]
    [InlineData("locale", "en-US", "de-DE", "lang=\"de-DE\"")]
    public async Task Branding_Changed_ShowsOnTheNextRequest(string field, string before, string after, string expected)
    {
        var agency = await api.CreateAgencyAsync();
        await PatchAgencyAsync(agency, field, before);
        await CachedAsync(agency);

        await PatchAgencyAsync(agency, field, after);

        (await PageAsync(agency)).ShouldContain(expected);
    }

    [Fact]
    public async Task ThemeFile_Published_ShowsOnTheNextRequest()
    {
        var agency = await api.CreateAgencyAsync();
        await SaveIndexAsync(agency, "<p>first version of the page</p>");
        (await CachedAsync(agency)).ShouldContain("first version of the page");

        await SaveIndexAsync(agency, "<p>second version of the page</p>");

        (await PageAsync(agency)).ShouldContain("second version of the page");
    }

    [Fact]
    public async Task ThemeSetting_Saved_ShowsOnTheNextRequest()
    {
        var agency = await api.CreateAgencyAsync();
        (await CachedAsync(agency)).ShouldNotContain("#be123c");

        (await agency.Client.PutAsJsonAsync("/api/v1/theme/settings", new { accent_color = "#be123c" }, Ct)).EnsureSuccessStatusCode();

        (await PageAsync(agency)).ShouldContain("--accent: #be123c;");
    }

    [Fact]
    public async Task Pack_AddedChangedAndRemoved_EachShowsOnTheNextRequest()
    {
        var agency = await api.CreateAgencyAsync();
        await api.SetMinimumAsync("usd", "1");
        (await CachedAsync(agency)).ShouldNotContain("Starter pack");

        var pack = await agency.CreatePackAsync("Starter pack", 100, 500);
        (await CachedAsync(agency)).ShouldContain("Starter pack");

        (await agency.Client.PatchAsJsonAsync($"/api/v1/packs/{pack}", new { name = "Growth pack" }, Ct)).EnsureSuccessStatusCode();
        var renamed = await CachedAsync(agency);

        (await agency.Client.DeleteAsync($"/api/v1/packs/{pack}", Ct)).EnsureSuccessStatusCode();
        var removed = await PageAsync(agency);

        renamed.ShouldContain("Growth pack");
        renamed.ShouldNotContain("Starter pack");
        removed.ShouldNotContain("Growth pack");
    }

    [Fact]
    public async Task Price_Changed_ShowsOnTheNextRequest()
    {
        var agency = await api.CreateAgencyAsync();
        await api.SetMinimumAsync("usd", "1");
        var pack = await agency.CreatePackAsync("Priced pack", 100, 500);
        (await CachedAsync(agency)).ShouldContain("$5.00");

        (await agency.Client.PatchAsJsonAsync($"/api/v1/packs/{pack}", new { unitAmount = 777 }, Ct)).EnsureSuccessStatusCode();

        var page = await PageAsync(agency);
        page.ShouldContain("$7.77");
        page.ShouldNotContain("$5.00");
    }

    [Fact]
    public async Task PlatformFloor_RaisedAbovePack_TakesThePackOffEveryStorefrontOnTheNextRequest()
    {
        var agency = await api.CreateAgencyAsync();
        var other = await api.CreateAgencyAsync();
        await api.SetMinimumAsync("eur", "1");
        await agency.CreatePackAsync("Euro pack", 100, 500, "eur");
        await other.CreatePackAsync("Other euro pack", 100, 500, "eur");
        (await CachedAsync(agency)).ShouldContain("Euro pack");
        (await CachedAsync(other)).ShouldContain("Other euro pack");

        await api.SetMinimumAsync("eur", "10");

        (await PageAsync(agency)).ShouldNotContain("Euro pack");
        (await PageAsync(other)).ShouldNotContain("Other euro pack");
        await api.SetMinimumAsync("eur", "1");
    }

    [Fact]
    public async Task Agency_Suspended_ItsStorefrontIsGoneOnTheNextRequest()
    {
        var agency = await api.CreateAgencyAsync();
        await CachedAsync(agency);

        await using (var scope = api.Services.CreateAsyncScope())
        {
            (await scope.ServiceProvider.GetRequiredService<ManageAgencies>()
                .SetSuspendedAsync(AgencyId.From(Guid.Parse(agency.Id)), true, Actor.System, Ct)).IsSuccess.ShouldBeTrue();
        }

        var (status, _) = await Browser.Storefront(api, agency.Slug).GetAsync("/");
        status.ShouldBe(HttpStatusCode.NotFound);
    }

    [Fact]
    public async Task Client_Paused_SeesItOnTheNextRequest()
    {
        var agency = await api.CreateAgencyAsync();
        var client = await agency.CreateClientAsync();
        var browser = await api.SignInAsync(agency, client);
        (await browser.GetAsync("/")).Html.ShouldNotContain("Your account is paused");

        (await agency.Client.PatchAsJsonAsync($"/api/v1/sub-accounts/{client.SubAccountId}", new { paused = true }, Ct)).EnsureSuccessStatusCode();

        (await browser.GetAsync("/")).Html.ShouldContain("Your account is paused");
    }

    [Fact]
    public async Task SignedInClientsPage_IsNeverStored_NorServedToAnotherVisitor()
    {
        var agency = await api.CreateAgencyAsync();
        var client = await agency.CreateClientAsync(name: "Private Client Co");
        await SaveIndexAsync(agency, "{% if customer %}<p>Signed in as {{ customer.name }}, {{ customer.email }}</p>{% endif %}<p>Packs</p>");
        var anonymous = await CachedAsync(agency);
        var browser = await api.SignInAsync(agency, client);
        var before = Renders(agency);

        var mine = await browser.Client.GetAsync("/", Ct);
        var again = await browser.Client.GetAsync("/", Ct);
        var stranger = await PageAsync(agency);
        var strangerAfterwards = await CachedAsync(agency);

        var html = await mine.Content.ReadAsStringAsync(Ct);
        html.ShouldContain(client.Email);
        (await again.Content.ReadAsStringAsync(Ct)).ShouldContain(client.Email);
        (Renders(agency) - before).ShouldBeGreaterThanOrEqualTo(2, "each of the client's pages is rendered for the client");
        mine.Headers.CacheControl!.NoStore.ShouldBeTrue();
        mine.Headers.ETag.ShouldBeNull();
        anonymous.ShouldNotContain(client.Email);
        stranger.ShouldNotContain(client.Email);
        strangerAfterwards.ShouldNotContain(client.Email);
        stranger.ShouldNotContain("Private Client Co");
    }

    [Fact]
    public async Task CachedPage_AskedWithItsETag_Answers304()
    {
        var agency = await api.CreateAgencyAsync();
        var first = await Browser.Storefront(api, agency.Slug).Client.GetAsync("/", Ct);
        var etag = first.Headers.ETag.ShouldNotBeNull();

        using var conditional = new HttpRequestMessage(HttpMethod.Get, "/");
        conditional.Headers.IfNoneMatch.Add(etag);
        var notModified = await Browser.Storefront(api, agency.Slug).Client.SendAsync(conditional, Ct);
        using var stale = new HttpRequestMessage(HttpMethod.Get, "/");
        stale.Headers.IfNoneMatch.Add(new System.Net.Http.Headers.EntityTagHeaderValue("\"not-this-one\""));
        var modified = await Browser.Storefront(api, agency.Slug).Client.SendAsync(stale, Ct);

        first.Headers.CacheControl!.NoCache.ShouldBeTrue("browsers keep the page and ask again by its ETag");
        notModified.StatusCode.ShouldBe(HttpStatusCode.NotModified);
        (await notModified.Content.ReadAsStringAsync(Ct)).ShouldBeEmpty();
        modified.StatusCode.ShouldBe(HttpStatusCode.OK);
        modified.Headers.ETag.ShouldBe(etag);
    }

    [Fact]
    public async Task ThemeAsset_AtItsFingerprintedUrl_IsImmutable_AndOldUrlsStillWork()
    {
        var agency = await api.CreateAgencyAsync();
        var html = await PageAsync(agency);
        var url = System.Text.RegularExpressions.Regex.Match(html, "/assets/theme\\.css\\?v=[0-9a-f]{16}").Value;
        url.ShouldNotBeEmpty("the stylesheet's URL carries the fingerprint of its content");
        var visitor = Browser.Storefront(api, agency.Slug).Client;

        var fingerprinted = await visitor.GetAsync(url, Ct);
        var bare = await visitor.GetAsync("/assets/theme.css", Ct);
        var versioned = await visitor.GetAsync("/assets/theme.css?v=1", Ct);

        fingerprinted.StatusCode.ShouldBe(HttpStatusCode.OK);
        fingerprinted.Headers.CacheControl!.ToString().ShouldBe("public, max-age=31536000, immutable");
        fingerprinted.Headers.GetValues("X-Content-Type-Options").ShouldContain("nosniff");
        bare.StatusCode.ShouldBe(HttpStatusCode.OK);
        bare.Headers.CacheControl!.MaxAge.ShouldBe(TimeSpan.FromMinutes(5));
        versioned.StatusCode.ShouldBe(HttpStatusCode.OK);
        versioned.Headers.CacheControl!.MaxAge.ShouldBe(TimeSpan.FromMinutes(5));
        (await bare.Content.ReadAsStringAsync(Ct)).ShouldBe(await fingerprinted.Content.ReadAsStringAsync(Ct));
    }

    [Fact]
    public async Task ThemeAsset_Changed_GetsANewFingerprint()
    {
        var agency = await api.CreateAgencyAsync();
        var before = Fingerprint(await CachedAsync(agency));

        (await agency.Client.PutAsJsonAsync("/api/v1/theme/files/assets/theme.css", new { content = "body { color: #123456; }" }, Ct)).EnsureSuccessStatusCode();
        var after = Fingerprint(await PageAsync(agency));
        var old = await Browser.Storefront(api, agency.Slug).Client.GetAsync($"/assets/theme.css?v={before}", Ct);

        after.ShouldNotBe(before);
        (await old.Content.ReadAsStringAsync(Ct)).ShouldContain("#123456");
        old.Headers.CacheControl!.ToString().ShouldNotContain("immutable", customMessage: "an old fingerprint no longer names these bytes");
    }

    [Fact]
    public async Task StorefrontStamp_ChangedOnOneNode_IsReadByAnotherWithinItsFreshness()
    {
        var agency = await api.CreateAgencyAsync();
        var clock = new TestClock(DateTimeOffset.UtcNow);
        // Another node: the same database, but it hears nothing of this node's commits.
        var otherNode = new StorefrontStampReader(api.Services.GetRequiredService<IServiceScopeFactory>(), clock, new StorefrontChanges())
        {
            Freshness = TimeSpan.FromSeconds(1),
        };
        var before = await otherNode.OfSlugAsync(agency.Slug, Ct);

        await PatchAgencyAsync(agency, "displayName", "Renamed Elsewhere");
        var withinFreshness = await otherNode.OfSlugAsync(agency.Slug, Ct);
        clock.Advance(TimeSpan.FromSeconds(1));
        var after = await otherNode.OfSlugAsync(agency.Slug, Ct);

        before.ShouldNotBeNull();
        withinFreshness.ShouldBe(before, "a read stamp is trusted for its freshness");
        after.ShouldNotBeNull().Version.ShouldNotBe(before.Version, "the change wrote a new stamp to the database with it");
        after.AgencyId.ShouldBe(before.AgencyId);
    }

    private static string Fingerprint(string html)
    {
        var fingerprint = System.Text.RegularExpressions.Regex.Match(html, "/assets/theme\\.css\\?v=([0-9a-f]{16})").Groups[1].Value;
        fingerprint.ShouldNotBeEmpty();
        return fingerprint;
    }

    private long Renders(TestAgency agency) => api.Services.GetRequiredService<ShopRenders>().Of(agency.Slug);

    /// <summary>The page, asked twice: the second time it must come from the cache (the renderer does not run).</summary>
    private async Task<string> CachedAsync(TestAgency agency, string path = "/")
    {
        var html = await PageAsync(agency, path);
        var renders = Renders(agency);
        (await PageAsync(agency, path)).ShouldBe(html);
        Renders(agency).ShouldBe(renders, $"{path} is served from the cache the second time");
        return html;
    }

    private async Task<string> PageAsync(TestAgency agency, string path = "/")
    {
        var (status, html) = await Browser.Storefront(api, agency.Slug).GetAsync(path);
        status.ShouldBe(HttpStatusCode.OK);
        return html;
    }

    private static async Task PatchAgencyAsync(TestAgency agency, string field, string value) =>
        (await agency.Client.PatchAsJsonAsync("/api/v1/agency", new Dictionary<string, string> { [field] = value }, Ct)).EnsureSuccessStatusCode();

    private static async Task SaveIndexAsync(TestAgency agency, string content) =>
        (await agency.Client.PutAsJsonAsync("/api/v1/theme/files/templates/index.liquid", new { content }, Ct)).EnsureSuccessStatusCode();
}

public sealed class StorefrontCacheTestsOnSqlite(SqliteApi api) : StorefrontCacheTests(api), IClassFixture<SqliteApi>;

public sealed class StorefrontCacheTestsOnPostgres(PostgresApi api) : StorefrontCacheTests(api), IClassFixture<PostgresApi>;
