using System.Net.Http.Json;
using ResellerKit.Tests.Unit.Support;

namespace ResellerKit.Tests.Unit.Shop;

/// <summary>
/// The agency's primary colour is the default accent of its storefront, widget and emails; an accent saved in the theme
/// settings wins; the text on the accent stays readable.
/// </summary>
public sealed class BrandColourTests(SqliteApi api) : IClassFixture<SqliteApi>
{
    [Theory]
    [InlineData("aurora")]
    [InlineData("slate")]
    public async Task Storefront_WithoutASavedThemeAccent_DrawsTheAgencysPrimaryColour(string theme)
    {
        var agency = await api.CreateAgencyAsync();
        (await agency.Client.PutAsJsonAsync("/api/v1/theme/base", new { baseTheme = theme }, Ct)).EnsureSuccessStatusCode();
        (await agency.Client.PatchAsJsonAsync("/api/v1/agency", new { primaryColor = "#ff6600" }, Ct)).EnsureSuccessStatusCode();

        var (_, html) = await Browser.Storefront(api, agency.Slug).GetAsync("/");

        html.ShouldContain("--accent: #ff6600;");
        html.ShouldContain("--accent-text: #111827;", customMessage: "white on orange is below WCAG contrast; near-black is not");
    }

    [Fact]
    public async Task Storefront_WithASavedThemeAccent_DrawsTheThemesAccent()
    {
        var agency = await api.CreateAgencyAsync();
        (await agency.Client.PatchAsJsonAsync("/api/v1/agency", new { primaryColor = "#ff6600" }, Ct)).EnsureSuccessStatusCode();
        (await agency.Client.PutAsJsonAsync("/api/v1/theme/settings", new { accent_color = "#0f766e", accent_text_color = "#fef3c7" }, Ct)).EnsureSuccessStatusCode();

        var (_, html) = await Browser.Storefront(api, agency.Slug).GetAsync("/");

        html.ShouldContain("--accent: #0f766e;");
        html.ShouldContain("--accent-text: #fef3c7;", customMessage: "an accent text saved by the agency is kept");
        html.ShouldNotContain("#ff6600");
    }

    [Fact]
    public async Task Storefront_WithNeitherColour_KeepsTheThemesOwnPair()
    {
        var agency = await api.CreateAgencyAsync();

        var (_, html) = await Browser.Storefront(api, agency.Slug).GetAsync("/");

        html.ShouldContain("--accent: #4338ca;");
        html.ShouldContain("--accent-text: #ffffff;");
    }

    [Fact]
    public async Task Email_WithoutASavedThemeAccent_HasButtonsInTheAgencysPrimaryColour()
    {
        var agency = await api.CreateAgencyAsync();
        (await agency.Client.PatchAsJsonAsync("/api/v1/agency", new { primaryColor = "#7c3aed" }, Ct)).EnsureSuccessStatusCode();

        var client = await agency.CreateClientAsync();
        var mail = await api.WaitForMailAsync(client.Email);

        mail.HtmlBody!.ShouldContain("background:#7c3aed;color:#ffffff");
    }

    [Fact]
    public async Task Email_WithASavedThemeAccent_HasButtonsInTheThemesAccent()
    {
        var agency = await api.CreateAgencyAsync();
        (await agency.Client.PatchAsJsonAsync("/api/v1/agency", new { primaryColor = "#7c3aed" }, Ct)).EnsureSuccessStatusCode();
        (await agency.Client.PutAsJsonAsync("/api/v1/theme/settings", new { accent_color = "#fde68a" }, Ct)).EnsureSuccessStatusCode();

        var client = await agency.CreateClientAsync();
        var mail = await api.WaitForMailAsync(client.Email);

        mail.HtmlBody!.ShouldContain("background:#fde68a;color:#111827");
        mail.HtmlBody!.ShouldNotContain("#7c3aed");
    }

    [Fact]
    public async Task ThemeSettingsForm_ShowsTheBrandColourAsTheAccent_UntilOneIsSaved()
    {
        var agency = await api.CreateAgencyAsync();
        (await agency.Client.PatchAsJsonAsync("/api/v1/agency", new { primaryColor = "#ff6600" }, Ct)).EnsureSuccessStatusCode();
        var owner = await api.SignInOwnerAsync(agency);

        var (_, unsaved) = await owner.GetAsync("/admin/theme");
        (await agency.Client.PutAsJsonAsync("/api/v1/theme/settings", new { accent_color = "#0f766e" }, Ct)).EnsureSuccessStatusCode();
        var (_, saved) = await owner.GetAsync("/admin/theme");

        unsaved.ShouldContain("name=\"setting.accent_color\" value=\"#ff6600\"");
        unsaved.ShouldContain("name=\"setting.accent_text_color\" value=\"#111827\"", customMessage: "the text the storefront draws on orange");
        unsaved.ShouldNotContain("name=\"setting.accent_color\" value=\"#4338ca\"");
        saved.ShouldContain("name=\"setting.accent_color\" value=\"#0f766e\"");
    }

    [Fact]
    public async Task SlateBadge_OnADarkBrandColour_KeepsAaContrast()
    {
        var agency = await api.CreateAgencyAsync();
        await api.SetMinimumAsync("usd", "1");
        (await agency.Client.PutAsJsonAsync("/api/v1/theme/base", new { baseTheme = "slate" }, Ct)).EnsureSuccessStatusCode();
        (await agency.Client.PatchAsJsonAsync("/api/v1/agency", new { primaryColor = "#1e3a8a" }, Ct)).EnsureSuccessStatusCode();
        (await agency.Client.PostAsJsonAsync("/api/v1/packs", new { name = "Team", credits = 100, unitAmount = 500, currency = "usd", highlight = "Most popular" }, Ct))
            .EnsureSuccessStatusCode();
        var shop = Browser.Storefront(api, agency.Slug);

        var (_, html) = await shop.GetAsync("/");
        var (_, css) = await shop.GetAsync("/assets/theme.css");

        html.ShouldContain("<p class=\"badge\">Most popular</p>");
        html.ShouldContain("--accent: #1e3a8a;");
        html.ShouldContain("--accent-text: #ffffff;");
        var badge = System.Text.RegularExpressions.Regex.Match(css, @"\.badge \{[^}]*\}").Value;
        badge.ShouldContain("background: var(--accent);");
        badge.ShouldContain("color: var(--accent-text);", customMessage: "the badge's text is the accent's text colour, chosen for contrast");
        Contrast("#ffffff", "#1e3a8a").ShouldBeGreaterThanOrEqualTo(4.5);
    }

    private static double Contrast(string a, string b)
    {
        var (x, y) = (ResellerKit.Themes.Settings.ThemeAccent.Luminance(a), ResellerKit.Themes.Settings.ThemeAccent.Luminance(b));
        return (Math.Max(x, y) + 0.05) / (Math.Min(x, y) + 0.05);
    }
}
