using System.Net;
using System.Net.Http.Json;
using System.Text.RegularExpressions;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.DependencyInjection;
using ResellerKit.Engine.Common;
using ResellerKit.Engine.Notifications;
using ResellerKit.Storefront.Email;
using ResellerKit.Tests.Unit.Support;

namespace ResellerKit.Tests.Unit.BackOffice;

/// <summary>
/// An agency's clients and team never see the vendor: every back-office page a client can open (found in the app's own
/// routes) and every email sent for an agency carries the agency's name and colour, never "ResellerKit".
/// </summary>
public sealed partial class WhiteLabelTests(SqliteApi api) : IClassFixture<SqliteApi>
{
    private const string Brand = "Brightside Digital";

    [Fact]
    public async Task ClientBackOffice_EveryPageAndTitle_ShowsTheAgencyNeverResellerKit()
    {
        var agency = await BrandedAgencyAsync();
        var client = await agency.CreateClientAsync(name: "Bluebird Dental");
        var browser = await api.SignInBackOfficeAsync(client.Email, client.Password);
        var pages = BackOfficePages().Select(p => Parameter().Replace(p, m => m.Groups["constraint"].Value == "guid" ? client.SubAccountId : "1")).ToList();
        var leaks = new List<string>();

        foreach (var path in pages)
        {
            var response = await browser.Client.GetAsync(path, Ct);
            if (response.Content.Headers.ContentType?.MediaType != "text/html")
            {
                continue;
            }
            var html = await response.Content.ReadAsStringAsync(Ct);
            var title = WebUtility.HtmlDecode(Title().Match(html).Groups[1].Value);
            if (title.Contains("ResellerKit", StringComparison.OrdinalIgnoreCase) || Text(html).Contains("ResellerKit", StringComparison.OrdinalIgnoreCase))
            {
                leaks.Add($"{path}: <title>{title}</title>");
            }
        }
        var (_, home) = await browser.GetAsync("/admin");

        pages.Count.ShouldBeGreaterThan(15, "the app's routes list the back office's pages");
        leaks.ShouldBeEmpty(string.Join("\n", leaks));
        Title().Match(home).Groups[1].Value.ShouldBe($"Bluebird Dental — {Brand}");
        TopBar().Match(home).Value.ShouldContain(Brand);
        home.ShouldContain("--brand: #0f766e;");
    }

    [Fact]
    public async Task ClientBackOffice_WhenTheAgencySetNoPrimaryColour_WearsItsThemesAccentNotTheDefaultBlue()
    {
        var agency = await api.CreateAgencyAsync();
        var client = await agency.CreateClientAsync(name: "Bluebird Dental");
        var browser = await api.SignInBackOfficeAsync(client.Email, client.Password);

        var (_, home) = await browser.GetAsync("/admin");

        var brand = Regex.Match(home, "--brand: (#[0-9a-fA-F]{3,6});");
        brand.Success.ShouldBeTrue("the top bar carries the agency's colour");
        brand.Groups[1].Value.ShouldNotBe("#1d4ed8");
    }

    [Fact]
    public async Task AgencyEmails_EveryTemplate_IsSignedByTheAgencyNeverResellerKit()
    {
        var agency = await BrandedAgencyAsync();
        var agencyId = new AgencyId(Guid.Parse(agency.Id));
        await using var scope = api.Services.CreateAsyncScope();
        var composer = scope.ServiceProvider.GetRequiredService<EmailComposer>();
        var leaks = new List<string>();

        foreach (var kind in Enum.GetValues<EmailKind>())
        {
            var request = new EmailRequest(kind, "dana@bluebird.example", "Bluebird Dental", agencyId)
            {
                OtherParty = "Dana", Reason = "a reason", PackName = "Starter", Credits = 100, Balance = 5, Threshold = 10, AmountMinor = 1500,
                Currency = "usd", Reference = "ref", ExpiresAt = DateTimeOffset.UtcNow.AddDays(1), Password = "pw", ActionPath = "/admin",
            };
            var email = (await composer.ComposeAsync(request, Ct)).Rendered;
            var all = Link().Replace($"{email.Subject}\n{email.Text}\n{email.Html}", "link"); // The platform's own host name (resellerkit.test here) is the platform's.
            if (all.Contains("ResellerKit", StringComparison.OrdinalIgnoreCase))
            {
                leaks.Add($"{kind}: {email.Subject}");
            }
            email.Text.ShouldContain($"The {Brand} team", Case.Sensitive, $"{kind} is signed by the agency");
        }

        leaks.ShouldBeEmpty(string.Join("\n", leaks));
        new EmailOptions().FromAddress.ShouldNotContain("resellerkit", Case.Insensitive);
    }

    [Fact]
    public async Task ConnectionRequestEmail_NamesTheAgencyAskingAndTheClientsAccount_WithOneCallToAction()
    {
        var agency = await BrandedAgencyAsync();
        await using var scope = api.Services.CreateAsyncScope();
        var composer = scope.ServiceProvider.GetRequiredService<EmailComposer>();

        var email = (await composer.ComposeAsync(new EmailRequest(EmailKind.ConnectionRequest, "owner@bluebird.example", "Bluebird Dental",
            new AgencyId(Guid.Parse(agency.Id))) { OtherParty = Brand, ActionPath = "/admin/connections/respond?token=t" }, Ct)).Rendered;

        email.Subject.ShouldBe($"{Brand} asks for access to Bluebird Dental");
        email.Text.ShouldContain($"{Brand} asks for access to your account Bluebird Dental.");
        email.Text.ShouldNotContain($"{Brand} asked to connect with {Brand}");
        Regex.Count(email.Text, "Review the request").ShouldBe(1, email.Text);
        Regex.Count(email.Html, "Review the request").ShouldBe(1, email.Html);
    }

    [Fact]
    public async Task TeamInvitation_ComesFromTheAgencysName_WithNeutralSenderAndHeaders()
    {
        var agency = await BrandedAgencyAsync();
        var owner = await api.SignInOwnerAsync(agency);
        var email = $"ada-{Guid.NewGuid():N}@{agency.Slug}.example";

        await owner.SubmitAsync("/admin/team", "/admin/team", ("_handler", "invite"), ("Input.Name", "Ada Admin"), ("Input.Email", email), ("role", "Admin"));
        var invite = await api.WaitForMailAsync(email, m => m.Headers["X-Email-Kind"] == "AgencyInvite");

        invite.From.Mailboxes.Single().Name.ShouldBe(Brand);
        invite.From.Mailboxes.Single().Address.ShouldNotContain("resellerkit", Case.Insensitive);
        string.Join("\n", invite.Headers.Select(h => $"{h.Field}: {h.Value}")).ShouldNotContain("resellerkit", Case.Insensitive);
        Link().Replace($"{invite.Subject}\n{invite.TextBody}", "link").ShouldNotContain("ResellerKit");
        (invite.TextBody ?? "").ShouldContain($"The {Brand} team");
    }

    private async Task<TestAgency> BrandedAgencyAsync()
    {
        var agency = await api.CreateAgencyAsync();
        (await agency.Client.PatchAsJsonAsync("/api/v1/agency", new { displayName = Brand, primaryColor = "#0f766e" }, Ct)).EnsureSuccessStatusCode();
        return agency;
    }

    // Every page of the back office a browser can GET, from the app's own routes: a new page is covered without a change here.
    private IEnumerable<string> BackOfficePages() =>
        api.Services.GetRequiredService<EndpointDataSource>().Endpoints.OfType<RouteEndpoint>()
            .Where(e => e.RoutePattern.RawText is { } raw && (raw == "/admin" || raw.StartsWith("/admin/", StringComparison.Ordinal)))
            .Where(e => e.Metadata.GetMetadata<IHttpMethodMetadata>()?.HttpMethods is not { } methods || methods.Contains(HttpMethods.Get))
            .Select(e => e.RoutePattern.RawText!)
            .Where(p => !p.Contains('*', StringComparison.Ordinal))
            .Distinct().OrderBy(p => p, StringComparer.Ordinal);

    private static string Text(string html) => WebUtility.HtmlDecode(Tag().Replace(Hidden().Replace(html, " "), " "));

    [GeneratedRegex(@"\{(?<name>\w+)(?::(?<constraint>\w+))?\??\}")]
    private static partial Regex Parameter();

    [GeneratedRegex("<title>([^<]*)</title>")]
    private static partial Regex Title();

    [GeneratedRegex(@"<header class=""topbar"">.*?</header>", RegexOptions.Singleline)]
    private static partial Regex TopBar();

    [GeneratedRegex(@"<(script|style)\b.*?</\1>", RegexOptions.Singleline | RegexOptions.IgnoreCase)]
    private static partial Regex Hidden();

    [GeneratedRegex(@"https?://[^\s""<]+")]
    private static partial Regex Link();

    [GeneratedRegex("<[^>]+>")]
    private static partial Regex Tag();
}
