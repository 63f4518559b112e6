using System.Net.Http.Json;
using ResellerKit.Tests.Unit.Support;

namespace ResellerKit.Tests.Unit.Shop;

/// <summary>The browser tab names the agency once: a page titled with the agency's name does not repeat it.</summary>
public sealed class StorefrontTitleTests(SqliteApi api) : IClassFixture<SqliteApi>
{
    [Theory]
    [InlineData("aurora")]
    [InlineData("slate")]
    public async Task Index_TitleIsTheAgencysName_NamesItOnce(string baseTheme)
    {
        var agency = await api.CreateAgencyAsync();
        (await agency.Client.PutAsJsonAsync("/api/v1/theme/base", new { baseTheme }, Ct)).EnsureSuccessStatusCode();

        var (_, html) = await Browser.Storefront(api, agency.Slug).GetAsync("/");

        html.ShouldContain($"<title>Agency {agency.Slug}</title>");
    }
}
