using System.Net;
using System.Net.Http.Json;
using Microsoft.Extensions.DependencyInjection;
using ResellerKit.Engine.Agencies;
using ResellerKit.Engine.Common;
using ResellerKit.Storefront.Shop;
using ResellerKit.Tests.Unit.Support;

namespace ResellerKit.Tests.Unit.Shop;

/// <summary>
/// Issue 15, item 1: every kind of change a storefront shows is on the very next request. Each test first proves the old
/// page was served from the cache (the renderer did not run again), so that it would fail if the change did not evict it.
/// </summary>
public abstract class StorefrontCacheEvictionTests(ApiFixture api)
{
    [Theory]
    [InlineData("displayName", "Before Brand", "After Brand", "After Brand")]
    [InlineData("primaryColor", "#ff6600", "#0055aa", "--accent: #0055aa;")]
    [InlineData("logoUrl", "https://cdn.example/before.png", "https://cdn.example/after.png", "https://cdn.example/after.png")]
    [InlineData("locale", "en-US", "de-DE", "lang=\"de-DE\"")]
    public async Task Branding_Changed_ShowsOnTheNextRequest(string field, string before, string after, string expected)
    {
        var agency = await api.CreateAgencyAsync();
        await agency.PatchAgencyAsync(field, before);
        await api.CachedPageAsync(agency);

        await agency.PatchAgencyAsync(field, after);

        (await api.StorefrontPageAsync(agency)).ShouldContain(expected);
    }

    [Fact]
    public async Task ThemeFile_Published_ShowsOnTheNextRequest()
    {
        var agency = await api.CreateAgencyAsync();
        await agency.SaveIndexAsync("<p>first version of the page</p>");
        (await api.CachedPageAsync(agency)).ShouldContain("first version of the page");

        await agency.SaveIndexAsync("<p>second version of the page</p>");

        (await api.StorefrontPageAsync(agency)).ShouldContain("second version of the page");
    }

    [Fact]
    public async Task ThemeSetting_Saved_ShowsOnTheNextRequest()
    {
        var agency = await api.CreateAgencyAsync();
        (await api.CachedPageAsync(agency)).ShouldNotContain("#be123c");

        (await agency.Client.PutAsJsonAsync("/api/v1/theme/settings", new { accent_color = "#be123c" }, Ct)).EnsureSuccessStatusCode();

        (await api.StorefrontPageAsync(agency)).ShouldContain("--accent: #be123c;");
    }

    [Fact]
    public async Task Pack_AddedChangedAndRemoved_EachShowsOnTheNextRequest()
    {
        var agency = await api.CreateAgencyAsync();
        await api.SetMinimumAsync("usd", "1");
        (await api.CachedPageAsync(agency)).ShouldNotContain("Starter pack");

        var pack = await agency.CreatePackAsync("Starter pack", 100, 500);
        (await api.CachedPageAsync(agency)).ShouldContain("Starter pack");

        (await agency.Client.PatchAsJsonAsync($"/api/v1/packs/{pack}", new { name = "Growth pack" }, Ct)).EnsureSuccessStatusCode();
        var renamed = await api.CachedPageAsync(agency);

        (await agency.Client.DeleteAsync($"/api/v1/packs/{pack}", Ct)).EnsureSuccessStatusCode();
        var removed = await api.StorefrontPageAsync(agency);

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
        (await api.CachedPageAsync(agency)).ShouldContain("$5.00");

        (await agency.Client.PatchAsJsonAsync($"/api/v1/packs/{pack}", new { unitAmount = 777 }, Ct)).EnsureSuccessStatusCode();

        var page = await api.StorefrontPageAsync(agency);
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
        (await api.CachedPageAsync(agency)).ShouldContain("Euro pack");
        (await api.CachedPageAsync(other)).ShouldContain("Other euro pack");

        await api.SetMinimumAsync("eur", "10");

        (await api.StorefrontPageAsync(agency)).ShouldNotContain("Euro pack");
        (await api.StorefrontPageAsync(other)).ShouldNotContain("Other euro pack");
        await api.SetMinimumAsync("eur", "1");
    }

    [Fact]
    public async Task Agency_Suspended_ItsStorefrontIsGoneOnTheNextRequest()
    {
        var agency = await api.CreateAgencyAsync();
        await api.CachedPageAsync(agency);

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
}

public sealed class StorefrontCacheEvictionTestsOnSqlite(SqliteApi api) : StorefrontCacheEvictionTests(api), IClassFixture<SqliteApi>;

public sealed class StorefrontCacheEvictionTestsOnPostgres(PostgresApi api) : StorefrontCacheEvictionTests(api), IClassFixture<PostgresApi>;
