using System.Net;
using System.Net.Http.Json;
using System.Text.RegularExpressions;
using ResellerKit.Tests.Unit.Support;

namespace ResellerKit.Tests.Unit.BackOffice;

/// <summary>
/// The audit log ("account lifecycle and money events") shows credits given, from the back office or through the API,
/// and every change to the live theme, as sentences naming who did it: the member, or the API key.
/// </summary>
public abstract partial class AuditLogMoneyAndThemeTests(ApiFixture api)
{
    [Fact]
    public async Task AuditLog_CreditsGivenInTheBackOffice_SaysWhoGaveHowManyToWhichAccount()
    {
        var agency = await api.CreateAgencyAsync();
        await api.GrantPoolAsync(agency, 1_000);
        var client = await agency.CreateClientAsync(name: "Bluebird Dental");
        var owner = await api.SignInOwnerAsync(agency);
        var page = $"/admin/sub-accounts/{client.SubAccountId}";

        var given = await owner.SubmitAsync(page, page, ("_handler", "sub-account-grant"), ("GrantInput.Credits", "250"), ("GrantInput.Reason", "Goodwill"));
        var (_, home) = await owner.GetAsync("/admin");
        var text = await AuditLogAsync(owner);

        WebUtility.HtmlDecode(await given.Content.ReadAsStringAsync(Ct)).ShouldContain("250 credits given.");
        text.ShouldContain($"{Who(home)} gave Bluebird Dental 250 credits, for “Goodwill”.");
    }

    [Fact]
    public async Task AuditLog_GrantsThroughTheApi_NameTheKeyThatGaveThem()
    {
        var agency = await api.CreateAgencyAsync();
        await api.GrantPoolAsync(agency, 1_000);
        var client = await agency.CreateClientAsync(name: "Bluebird Dental");
        await agency.GrantAsync(client.SubAccountId, 250);
        var owner = await api.SignInOwnerAsync(agency);

        var text = await AuditLogAsync(owner);

        text.ShouldContain("Platform API key added 1,000 credits to the agency's pool, for “test”.");
        ByAnAgencyKey().IsMatch(text).ShouldBeTrue(text);
    }

    [Fact]
    public async Task AuditLog_ThemeSettingsSavedThroughTheApi_NameTheKey()
    {
        var agency = await api.CreateAgencyAsync();
        (await agency.Client.PutAsJsonAsync("/api/v1/theme/settings", new { accent_color = "#0f766e" }, Ct)).EnsureSuccessStatusCode();
        var owner = await api.SignInOwnerAsync(agency);

        var text = await AuditLogAsync(owner);

        text.ShouldMatch(@"API key \S+… changed the storefront theme's settings \(its version 2\)\.");
    }

    [Fact]
    public async Task AuditLog_ThemeDraftPublished_SaysWhoPublishedWhichVersion()
    {
        var agency = await api.CreateAgencyAsync();
        var owner = await api.SignInOwnerAsync(agency);
        await owner.SubmitAsync("/admin/theme", "/admin/theme",
            ("_handler", "save-file"), ("FileInput.Path", "templates/index.liquid"), ("FileInput.Content", "<h1>Spring</h1>"));

        await owner.SubmitAsync("/admin/theme", "/admin/theme", ("_handler", "publish-draft"));
        var (_, home) = await owner.GetAsync("/admin");
        var text = await AuditLogAsync(owner);

        text.ShouldContain($"{Who(home)} published the storefront theme's draft as its version 2.");
    }

    private static async Task<string> AuditLogAsync(Browser owner)
    {
        var (status, html) = await owner.GetAsync("/admin/audit");
        status.ShouldBe(HttpStatusCode.OK);
        return WebUtility.HtmlDecode(html);
    }

    // The signed-in member's name as the back office's header shows it.
    private static string Who(string home) => WebUtility.HtmlDecode(SignedIn().Match(home).Groups[1].Value);

    [GeneratedRegex("<span class=\"who\">([^<]+)</span>")]
    private static partial Regex SignedIn();

    [GeneratedRegex(@"API key \S+… gave Bluebird Dental 250 credits, for “test”\.")]
    private static partial Regex ByAnAgencyKey();
}

public sealed class AuditLogMoneyAndThemeTestsOnSqlite(SqliteApi api) : AuditLogMoneyAndThemeTests(api), IClassFixture<SqliteApi>;

public sealed class AuditLogMoneyAndThemeTestsOnPostgres(PostgresApi api) : AuditLogMoneyAndThemeTests(api), IClassFixture<PostgresApi>;
