using ResellerKit.Tests.Unit.Support;

namespace ResellerKit.Tests.Unit.BackOffice;

/// <summary>The theme settings form at /admin/theme when a save is refused: the owner's typing stays, errors sit under it.</summary>
public sealed class ThemeSettingsFormTests(SqliteApi api) : IClassFixture<SqliteApi>
{
    [Fact]
    public async Task SaveSettings_Refused_KeepsEveryValueTheOwnerTyped()
    {
        var agency = await api.CreateAgencyAsync();
        var owner = await api.SignInOwnerAsync(agency);

        var response = await owner.SubmitAsync("/admin/theme", "/admin/theme", ("_handler", "theme-settings"),
            ("setting.accent_color", "blue"), ("setting.corner_radius", "-4"), ("setting.hero_title", "My new headline"));
        var html = await response.Content.ReadAsStringAsync(Ct);
        var (_, reloaded) = await owner.GetAsync("/admin/theme");

        html.ShouldContain("name=\"setting.accent_color\" value=\"blue\"");
        html.ShouldContain("name=\"setting.corner_radius\" type=\"number\" value=\"-4\"");
        html.ShouldContain("name=\"setting.hero_title\" value=\"My new headline\"");
        reloaded.ShouldNotContain("My new headline", customMessage: "a refused save stores nothing");
    }
}
