using System.Text.RegularExpressions;
using Microsoft.Playwright;
using ResellerKit.Tests.E2e.Support;

namespace ResellerKit.Tests.E2e.Journeys;

/// <summary>Issue 3's journeys in Chromium against the real process, with email through a real SMTP server (maildev).</summary>
[Collection(nameof(DemoCollection))]
public sealed partial class AccountsJourneyTests(DemoStorefront demo, Chromium chromium) : IDisposable
{
    private readonly DemoJourney journey = new(demo, chromium);

    private const string Owner = "owner@brightside.example";
    private const string DirectClient = "owner@harbor-cafe.example";

    [Fact]
    public async Task Agency_CreatesASubAccount_SeesThePasswordOnce_AndTheClientSignsInWithIt()
    {
        var agency = await SignInAsync(Owner, demo.PasswordOf(Owner));
        await agency.GotoAsync(demo.BaseUrl + "/admin/sub-accounts");
        var email = $"journey-{Guid.NewGuid():N}@example.com";
        await agency.GetByLabel("Client name").FillAsync("Journey Florists");
        await agency.GetByLabel("Client email").FillAsync(email);
        await agency.GetByLabel("Credits").SelectOptionAsync(new SelectOptionValue { Label = "Reselling: the client buys its own credits" });
        await agency.GetByRole(AriaRole.Button, new() { Name = "Create sub-account" }).ClickAsync();

        var dialog = agency.GetByRole(AriaRole.Dialog, new() { Name = "Journey Florists is ready" });
        await Assertions.Expect(dialog).ToBeVisibleAsync();
        var password = (await dialog.GetByLabel("Initial password").InnerTextAsync()).Trim();
        await Chromium.ScreenshotAsync(agency, "issue3-password-dialog");
        await dialog.GetByRole(AriaRole.Button, new() { Name = "Done" }).ClickAsync();
        await Assertions.Expect(agency.GetByRole(AriaRole.Link, new() { Name = "Journey Florists" })).ToBeVisibleAsync();
        await Chromium.ScreenshotAsync(agency, "issue3-sub-account-list");
        (await agency.ContentAsync()).ShouldNotContain(password, Case.Sensitive, "once the dialog is closed the password is gone from the page");
        await Assertions.Expect(agency.GetByRole(AriaRole.Dialog)).ToHaveCountAsync(0);
        await agency.ReloadAsync();
        (await agency.ContentAsync()).ShouldNotContain(password, Case.Sensitive, "nor does it come back on a reload");
        await agency.GetByRole(AriaRole.Link, new() { Name = "Journey Florists" }).ClickAsync();
        await Assertions.Expect(agency.GetByRole(AriaRole.Heading, new() { Name = "Journey Florists" })).ToBeVisibleAsync();
        (await agency.ContentAsync()).ShouldNotContain(password, Case.Sensitive, "nor on the client's own page");

        await journey.SignInToShopAsync(email, password);
        var mail = await demo.Mail.WaitForAsync(email, "account is ready");
        mail.GetProperty("text").GetString()!.ShouldContain(password);
    }

    [Fact]
    public async Task ConnectFlow_RequestEmailAcceptRoleChangeAndRevoke()
    {
        var agency = await SignInAsync(Owner, demo.PasswordOf(Owner));
        await agency.GotoAsync(demo.BaseUrl + "/admin/connections");
        await agency.GetByLabel("Client's account email").FillAsync(DirectClient);
        await agency.GetByRole(AriaRole.Button, new() { Name = "Send connection request" }).ClickAsync();
        await Assertions.Expect(agency.GetByRole(AriaRole.Status)).ToContainTextAsync("Connection request sent");

        var request = await demo.Mail.WaitForAsync(DirectClient, "asks for access to");
        var link = LinkPattern().Match(request.GetProperty("text").GetString()!).Value;
        var client = await SignInAsync(DirectClient, demo.PasswordOf(DirectClient));
        await client.GotoAsync(link);
        await client.GetByRole(AriaRole.Button, new() { Name = "Accept" }).ClickAsync();
        await Assertions.Expect(client.GetByRole(AriaRole.Status)).ToContainTextAsync("Connection accepted");
        await demo.Mail.WaitForAsync("owner@brightside.example", "accepted your connection");

        var card = client.GetByRole(AriaRole.Article, new() { Name = "Brightside Digital" });
        await card.GetByLabel("Role").SelectOptionAsync("Member");
        await card.GetByRole(AriaRole.Button, new() { Name = "Change role" }).ClickAsync();
        await Assertions.Expect(client.GetByRole(AriaRole.Status)).ToContainTextAsync("role is changed");
        await Assertions.Expect(client.GetByRole(AriaRole.Article, new() { Name = "Brightside Digital" }).GetByLabel("Role")).ToHaveValueAsync("Member");

        await client.GetByRole(AriaRole.Button, new() { Name = "Revoke access" }).ClickAsync();
        await Assertions.Expect(client.GetByRole(AriaRole.Status)).ToContainTextAsync("access is revoked");
        await client.GotoAsync(link);
        await Assertions.Expect(client.GetByRole(AriaRole.Alert)).ToContainTextAsync("already");
        await demo.Mail.WaitForAsync("owner@brightside.example", "connection with");
    }

    [Fact]
    public async Task Assist_ShowsTheBanner_RecordsBothIdentities_AndTheClientSeesItInItsAccessLog()
    {
        var agency = await SignInAsync(Owner, demo.PasswordOf(Owner));
        await agency.GotoAsync(demo.BaseUrl + "/admin/sub-accounts");
        await agency.GetByRole(AriaRole.Link, new() { Name = "Bluebird Dental" }).ClickAsync();
        await agency.GetByRole(AriaRole.Region, new() { Name = "Assist" }).GetByLabel("Reason").FillAsync("Checking why the campaign stopped");
        await agency.GetByRole(AriaRole.Button, new() { Name = "Assist Bluebird Dental" }).ClickAsync();

        var banner = agency.GetByRole(AriaRole.Status).Filter(new() { HasText = "Assist mode" });
        await Assertions.Expect(banner).ToContainTextAsync("Checking why the campaign stopped");
        await agency.GetByLabel("Account name").FillAsync("Bluebird Dental Clinic");
        await agency.GetByRole(AriaRole.Button, new() { Name = "Save account name" }).ClickAsync();
        await Assertions.Expect(banner).ToBeVisibleAsync();
        await Chromium.ScreenshotAsync(agency, "issue3-assist-banner");
        await agency.GetByRole(AriaRole.Button, new() { Name = "Return to agency" }).ClickAsync();
        await Assertions.Expect(agency.GetByRole(AriaRole.Heading, new() { Name = "Bluebird Dental Clinic" })).ToBeVisibleAsync();

        var client = await SignInAsync("hello@bluebird-dental.example", demo.PasswordOf("hello@bluebird-dental.example"));
        await client.GotoAsync(demo.BaseUrl + "/admin/access-log");
        var log = client.GetByRole(AriaRole.Table);
        await Assertions.Expect(log).ToContainTextAsync("Brightside Owner (Brightside Digital) started assisting in Bluebird Dental Clinic, for “Checking why the campaign stopped”.");
        await Assertions.Expect(log).ToContainTextAsync("Brightside Owner (Brightside Digital) changed the settings of Bluebird Dental Clinic.");
        await Assertions.Expect(log).Not.ToContainTextAsync("assist.started");
        await demo.Mail.WaitForAsync("hello@bluebird-dental.example", "is helping in your account");
    }

    [Fact]
    public async Task AgencyDashboard_Screenshot()
    {
        var agency = await SignInAsync(Owner, demo.PasswordOf(Owner));
        await Assertions.Expect(agency.GetByRole(AriaRole.Heading, new() { Level = 1 })).ToContainTextAsync("Brightside");
        await Chromium.ScreenshotAsync(agency, "issue3-agency-dashboard");
    }

    private Task<IPage> SignInAsync(string email, string password) => journey.SignInToBackOfficeAsync(email, password);

    public void Dispose() => journey.Dispose();

    [GeneratedRegex(@"https?://\S+/admin/connections/respond\?token=\S+")]
    private static partial Regex LinkPattern();
}

/// <summary>One demo Storefront, maildev and Chromium for the journeys of this collection.</summary>
[CollectionDefinition(nameof(DemoCollection))]
public sealed class DemoCollection : ICollectionFixture<DemoStorefront>, ICollectionFixture<Chromium>;
