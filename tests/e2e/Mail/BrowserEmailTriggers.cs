using System.Text.RegularExpressions;
using Microsoft.Playwright;
using ResellerKit.Tests.E2e.Support;

namespace ResellerKit.Tests.E2e.Mail;

/// <summary>
/// The emails people cause in the back office and on the storefront, through the real forms in Chromium: a team
/// invitation, an assist session, two connection requests (one accepted then revoked, one accepted, offered ownership
/// of the account, then terminated),
/// a password reset and a storefront magic link.
/// </summary>
public sealed partial class BrowserEmailTriggers(DemoStorefront demo, Chromium chromium, Action<string, string, int> expect)
{
    public const string Owner = "owner@brightside.example";
    public const string Client = "hello@bluebird-dental.example";
    public const string DirectClient = "owner@harbor-cafe.example";

    public async Task RunAsync(string agencyInbox)
    {
        var agency = await SignInAsync(Owner);
        var teammate = $"teammate-{Guid.NewGuid().ToString("N")[..8]}@mail-proof.example";
        await agency.GotoAsync(demo.BaseUrl + "/admin/team");
        await agency.Locator("#t-name").FillAsync("Proof Teammate");
        await agency.Locator("#t-email").FillAsync(teammate);
        await agency.GetByRole(AriaRole.Button, new() { Name = "Send invitation" }).ClickAsync();
        await Assertions.Expect(agency.GetByRole(AriaRole.Status)).ToContainTextAsync("Invitation emailed");
        expect("AgencyInvite", teammate, 1);

        await agency.GotoAsync(demo.BaseUrl + "/admin/sub-accounts");
        await agency.GetByRole(AriaRole.Link, new() { Name = "Bluebird Dental" }).ClickAsync();
        await agency.GetByRole(AriaRole.Region, new() { Name = "Assist" }).GetByLabel("Reason").FillAsync("Checking the email footer");
        await agency.GetByRole(AriaRole.Button, new() { Name = "Assist Bluebird Dental" }).ClickAsync();
        await Assertions.Expect(agency.GetByRole(AriaRole.Status).Filter(new() { HasText = "Assist mode" })).ToBeVisibleAsync();
        await agency.GetByRole(AriaRole.Button, new() { Name = "Return to agency" }).ClickAsync();
        expect("AssistSessionNotice", Client, 1);

        var client = await SignInAsync(DirectClient);
        var first = await ConnectAsync(agency, client, []);
        await client.GetByRole(AriaRole.Button, new() { Name = "Revoke access" }).ClickAsync();
        await Assertions.Expect(client.GetByRole(AriaRole.Status)).ToContainTextAsync("access is revoked");
        await ConnectAsync(agency, client, [first]);
        await client.GetByRole(AriaRole.Button, new() { Name = "Offer ownership to Brightside Digital" }).ClickAsync();
        await Assertions.Expect(client.GetByRole(AriaRole.Status)).ToContainTextAsync("Offer sent");
        expect("OwnershipOffer", agencyInbox, 1);
        await client.GetByRole(AriaRole.Button, new() { Name = "Terminate contract" }).ClickAsync();
        await Assertions.Expect(client.GetByRole(AriaRole.Status)).ToContainTextAsync("contract is terminated");
        expect("ConnectionRequest", DirectClient, 2);
        expect("ConnectionAccepted", agencyInbox, 2);
        expect("ConnectionRevoked", agencyInbox, 1);
        expect("ContractTerminated", agencyInbox, 1);
        expect("ContractTerminated", DirectClient, 1);

        var forgot = await chromium.NewPageAsync();
        await forgot.GotoAsync(demo.BaseUrl + "/admin/forgot-password");
        await forgot.GetByLabel("Email").FillAsync(Client); // The agency's client: the reset must not show the platform.
        await forgot.GetByRole(AriaRole.Button, new() { Name = "Email me a reset link" }).ClickAsync();
        await Assertions.Expect(forgot.GetByRole(AriaRole.Status)).ToContainTextAsync("reset link is on its way");
        expect("PasswordReset", Client, 1);

        var shopper = await chromium.NewPageAsync();
        await shopper.GotoAsync(demo.ShopUrl + "/sign-in");
        await shopper.Locator("#magic-email").FillAsync(Client);
        await shopper.GetByRole(AriaRole.Button, new() { Name = "Email me a link" }).ClickAsync();
        await Assertions.Expect(shopper.GetByText("a sign-in link is on its way")).ToBeVisibleAsync();
        expect("MagicLink", Client, 1);
    }

    // The agency asks the direct client to connect; the client follows the emailed link and accepts. Returns the link.
    private async Task<string> ConnectAsync(IPage agency, IPage client, string[] earlierLinks)
    {
        await agency.GotoAsync(demo.BaseUrl + "/admin/connections");
        await agency.GetByLabel("Client's account email").FillAsync(DirectClient);
        await agency.GetByRole(AriaRole.Button, new() { Name = "Send connection request" }).ClickAsync();
        await Assertions.Expect(agency.GetByRole(AriaRole.Status)).ToContainTextAsync("Connection request sent");
        var link = await Poll.UntilAsync(async () => (await demo.Mail.ListAsync())
                .Where(m => m.Kind == "ConnectionRequest" && m.IsFor(DirectClient))
                .Select(m => LinkPattern().Match(m.Text ?? "").Value).FirstOrDefault(l => l.Length > 0 && !earlierLinks.Contains(l)),
            l => l is not null, TimeSpan.FromSeconds(60));
        link.ShouldNotBeNull("the connection request arrives with its link");
        await client.GotoAsync(link);
        await client.GetByRole(AriaRole.Button, new() { Name = "Accept" }).ClickAsync();
        await Assertions.Expect(client.GetByRole(AriaRole.Status)).ToContainTextAsync("Connection accepted");
        return link;
    }

    private async Task<IPage> SignInAsync(string email)
    {
        var page = await chromium.NewPageAsync();
        await page.GotoAsync(demo.BaseUrl + "/admin/login");
        await page.GetByLabel("Email").FillAsync(email);
        await page.GetByLabel("Password").FillAsync(demo.PasswordOf(email));
        await page.GetByRole(AriaRole.Button, new() { Name = "Sign in" }).ClickAsync();
        await Assertions.Expect(page).ToHaveURLAsync(new Regex("/admin$"));
        return page;
    }

    [GeneratedRegex(@"https?://\S+/admin/connections/respond\?token=\S+")]
    private static partial Regex LinkPattern();
}
