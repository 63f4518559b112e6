using System.Net;
using System.Net.Http.Json;
using Microsoft.Extensions.DependencyInjection;
using ResellerKit.Storefront.Shop;

namespace ResellerKit.Tests.Unit.Support;

/// <summary>Storefront cache steps: a page asked as an anonymous visitor, how often the renderer ran, and changes that must evict it.</summary>
public static class StorefrontCacheDriver
{
    /// <summary>How many times the storefront renderer ran for this agency.</summary>
    public static long Renders(this ApiFixture api, TestAgency agency) => api.Services.GetRequiredService<ShopRenders>().Of(agency.Slug);

    /// <summary>The page, asked twice: the second time it must come from the cache (the renderer does not run).</summary>
    public static async Task<string> CachedPageAsync(this ApiFixture api, TestAgency agency, string path = "/")
    {
        var html = await api.StorefrontPageAsync(agency, path);
        var renders = api.Renders(agency);
        (await api.StorefrontPageAsync(agency, path)).ShouldBe(html);
        api.Renders(agency).ShouldBe(renders, $"{path} is served from the cache the second time");
        return html;
    }

    /// <summary>The page as an anonymous visitor gets it; it must answer 200.</summary>
    public static async Task<string> StorefrontPageAsync(this ApiFixture api, TestAgency agency, string path = "/")
    {
        var (status, html) = await Browser.Storefront(api, agency.Slug).GetAsync(path);
        status.ShouldBe(HttpStatusCode.OK);
        return html;
    }

    public static async Task PatchAgencyAsync(this TestAgency agency, string field, string value) =>
        (await agency.Client.PatchAsJsonAsync("/api/v1/agency", new Dictionary<string, string> { [field] = value }, Ct)).EnsureSuccessStatusCode();

    public static async Task SaveIndexAsync(this TestAgency agency, string content) =>
        (await agency.Client.PutAsJsonAsync("/api/v1/theme/files/templates/index.liquid", new { content }, Ct)).EnsureSuccessStatusCode();
}
