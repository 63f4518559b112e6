using System.Net.Http.Json;
using ResellerKit.Tests.Unit.Support;

namespace ResellerKit.Tests.Unit.Shop;

/// <summary>With no support email set, the owner's sign-in email appears nowhere a client can see it.</summary>
public sealed class SupportEmailPrivacyTests(SqliteApi api) : IClassFixture<SqliteApi>
{
    [Fact]
    public async Task SupportEmailBlank_StorefrontAndEmails_NeverShowTheOwnersSignInEmail()
    {
        var agency = await api.CreateAgencyAsync();
        var ownerEmail = $"owner@{agency.Slug}.example";
        var client = await agency.CreateClientAsync();

        var mail = await api.WaitForMailAsync(client.Email);
        var (_, home) = await Browser.Storefront(api, agency.Slug).GetAsync("/");
        var (_, signIn) = await Browser.Storefront(api, agency.Slug).GetAsync("/sign-in");

        home.ShouldNotContain(ownerEmail);
        signIn.ShouldNotContain(ownerEmail);
        mail.ReplyTo.Mailboxes.ShouldNotContain(m => m.Address == ownerEmail);
        mail.HtmlBody!.ShouldNotContain(ownerEmail);
        mail.TextBody!.ShouldNotContain(ownerEmail);
    }

    [Fact]
    public async Task SupportEmailSet_StorefrontFooterAndReplyTo_UseIt()
    {
        var agency = await api.CreateAgencyAsync();
        (await agency.Client.PatchAsJsonAsync("/api/v1/agency", new { supportEmail = "help@support.example" }, Ct)).EnsureSuccessStatusCode();
        var client = await agency.CreateClientAsync();

        var mail = await api.WaitForMailAsync(client.Email);
        var (_, home) = await Browser.Storefront(api, agency.Slug).GetAsync("/");

        home.ShouldContain("<a href=\"mailto:help@support.example\">help@support.example</a>");
        mail.ReplyTo.Mailboxes.ShouldContain(m => m.Address == "help@support.example");
    }
}
