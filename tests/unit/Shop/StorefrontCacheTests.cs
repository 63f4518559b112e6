using System.Net;
using System.Net.Http.Json;
using Microsoft.Extensions.DependencyInjection;
using ResellerKit.Engine.Agencies;
using ResellerKit.Engine.Branding;
using ResellerKit.Storefront.Shop;
using ResellerKit.Tests.Unit.Support;

namespace ResellerKit.Tests.Unit.Shop;

/// <summary>
/// Issue 15, item 1: storefront pages of visitors who are not signed in come from the output cache (never a signed-in
/// client's), answer 304 to their ETag, and fingerprint theme assets; a change on one node is read by the others. That
/// every kind of change evicts the page is in <see cref="StorefrontCacheEvictionTests"/>.
/// </summary>
public abstract class StorefrontCacheTests(ApiFixture api)
{
    [Fact]
    public async Task Page_AskedAgainByAnyVisitor_IsRenderedOnceAndServedFromTheCache()
    {
        var agency = await api.CreateAgencyAsync();
        var before = api.Renders(agency);

        var first = await Browser.Storefront(api, agency.Slug).Client.GetAsync("/", Ct);
        var second = await Browser.Storefront(api, agency.Slug).Client.GetAsync("/", Ct);
        var third = await Browser.Storefront(api, agency.Slug).Client.GetAsync("/?utm_source=newsletter", Ct);

        first.StatusCode.ShouldBe(HttpStatusCode.OK);
        (api.Renders(agency) - before).ShouldBe(1, "the renderer ran once for three visitors; a query no page reads is not part of the key");
        (await third.Content.ReadAsStringAsync(Ct)).ShouldBe(await first.Content.ReadAsStringAsync(Ct));
        first.Headers.Contains("Set-Cookie").ShouldBeFalse("a shared page sets no cookie");
        second.Headers.Contains("Set-Cookie").ShouldBeFalse();
        first.Headers.ETag.ShouldNotBeNull();
    }

    [Fact]
    public async Task SignedInClientsPage_IsNeverStored_NorServedToAnotherVisitor()
    {
        var agency = await api.CreateAgencyAsync();
        var client = await agency.CreateClientAsync(name: "Private Client Co");
        await agency.SaveIndexAsync("{% if customer %}<p>Signed in as {{ customer.name }}, {{ customer.email }}</p>{% endif %}<p>Packs</p>");
        var anonymous = await api.CachedPageAsync(agency);
        var browser = await api.SignInAsync(agency, client);
        var before = api.Renders(agency);

        var mine = await browser.Client.GetAsync("/", Ct);
        var again = await browser.Client.GetAsync("/", Ct);
        var stranger = await api.StorefrontPageAsync(agency);
        var strangerAfterwards = await api.CachedPageAsync(agency);

        var html = await mine.Content.ReadAsStringAsync(Ct);
        html.ShouldContain(client.Email);
        (await again.Content.ReadAsStringAsync(Ct)).ShouldContain(client.Email);
        (api.Renders(agency) - before).ShouldBeGreaterThanOrEqualTo(2, "each of the client's pages is rendered for the client");
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
        var html = await api.StorefrontPageAsync(agency);
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
        var before = Fingerprint(await api.CachedPageAsync(agency));

        (await agency.Client.PutAsJsonAsync("/api/v1/theme/files/assets/theme.css", new { content = "body { color: #123456; }" }, Ct)).EnsureSuccessStatusCode();
        var after = Fingerprint(await api.StorefrontPageAsync(agency));
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

        await agency.PatchAgencyAsync("displayName", "Renamed Elsewhere");
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
}

public sealed class StorefrontCacheTestsOnSqlite(SqliteApi api) : StorefrontCacheTests(api), IClassFixture<SqliteApi>;

public sealed class StorefrontCacheTestsOnPostgres(PostgresApi api) : StorefrontCacheTests(api), IClassFixture<PostgresApi>;
