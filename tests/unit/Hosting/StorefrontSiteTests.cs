using ResellerKit.Storefront.Hosting;

namespace ResellerKit.Tests.Unit.Hosting;

/// <summary>The start-up warning's question: do storefronts share a registrable domain (a site) with the back office?</summary>
public sealed class StorefrontSiteTests
{
    [Theory]
    [InlineData("credits.example.com", "northwind.credits.example.com", true)]
    [InlineData("credits.example.com", "northwind.shops.example.com", true)]
    [InlineData("credits.example.co.uk", "northwind.shops.example.co.uk", true)]
    [InlineData("credits.example.com", "northwind.example-shops.com", false)]
    [InlineData("credits.example.co.uk", "northwind.other.co.uk", false)]
    [InlineData("localhost", "northwind.localhost", true)]
    [InlineData("10.0.0.5", "northwind.localhost", false)]
    public void SharesRegistrableDomain_PlatformAndStorefrontHosts_TellsWhetherTheyAreOneSite(string platform, string storefront, bool shared) =>
        StorefrontSite.SharesRegistrableDomain(platform, storefront).ShouldBe(shared);
}
