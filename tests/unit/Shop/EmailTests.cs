using System.Net;
using System.Net.Http.Json;
using ResellerKit.Tests.Unit.Support;

namespace ResellerKit.Tests.Unit.Shop;

public sealed class EmailTests(SqliteApi api) : IClassFixture<SqliteApi>
{
    [Fact]
    public async Task CreatingASubAccount_SendsTheCredentialsInTextAndHtml_WithTheAgencysFooter()
    {
        var agency = await api.CreateAgencyAsync();
        (await agency.Client.PatchAsJsonAsync("/api/v1/agency", new
        {
            displayName = "Harbor Marketing",
            supportEmail = "help@harbor.example",
            postalAddress = "1 Quay Street, Portsmouth",
            emailFooter = "Harbor Marketing grows local businesses.",
        }, Ct)).EnsureSuccessStatusCode();

        var client = await agency.CreateClientAsync();
        var mail = await api.WaitForMailAsync(client.Email);

        mail.Subject!.ShouldContain("Harbor Marketing");
        mail.TextBody!.ShouldContain(client.Password);
        mail.HtmlBody!.ShouldContain(client.Password);
        foreach (var body in new[] { mail.TextBody!, mail.HtmlBody! })
        {
            body.ShouldContain("help@harbor.example");
            body.ShouldContain("1 Quay Street");
            body.ShouldContain("grows local businesses");
        }
        mail.From.Mailboxes.Single().Name.ShouldBe("Harbor Marketing");
    }

    [Fact]
    public async Task EmailFooterApi_ReturnsTheSameFooterTheEmailsCarry()
    {
        var agency = await api.CreateAgencyAsync();
        await agency.Client.PatchAsJsonAsync("/api/v1/agency", new { displayName = "Footer Co", emailFooter = "Sent with care by Footer Co." }, Ct);
        var client = await agency.CreateClientAsync();

        var footer = await (await agency.Client.GetAsync($"/api/v1/email-footer?subAccountId={client.SubAccountId}", Ct)).ExpectAsync(HttpStatusCode.OK);
        var mail = await api.WaitForMailAsync(client.Email);

        footer.GetProperty("text").GetString()!.ShouldContain("Sent with care by Footer Co.");
        footer.GetProperty("html").GetString()!.ShouldContain("Sent with care by Footer Co.");
        mail.TextBody!.ShouldContain(footer.GetProperty("text").GetString()!.Trim());
    }

    [Fact]
    public async Task EmailFooterApi_ForAnotherAgencysSubAccount_Answers404()
    {
        var owner = await api.CreateAgencyAsync();
        var other = await api.CreateAgencyAsync();
        var client = await owner.CreateClientAsync();

        var response = await other.Client.GetAsync($"/api/v1/email-footer?subAccountId={client.SubAccountId}", Ct);

        await response.ExpectProblemAsync(HttpStatusCode.NotFound, "not_found");
    }

    [Theory]
    [InlineData("{\"primaryColor\":\"blue\"}", "primaryColor")]
    [InlineData("{\"logoUrl\":\"javascript:alert(1)\"}", "logoUrl")]
    [InlineData("{\"supportEmail\":\"nope\"}", "supportEmail")]
    [InlineData("{\"locale\":\"xx-YY\"}", "locale")]
    [InlineData("{\"customDomain\":\"https://shop.example.com/\"}", "customDomain")]
    public async Task Branding_WithAnInvalidValue_Answers400NamingTheField(string body, string field)
    {
        var agency = await api.CreateAgencyAsync();

        var response = await agency.Client.PatchAsync("/api/v1/agency", new StringContent(body, System.Text.Encoding.UTF8, "application/json"), Ct);

        (await response.ExpectProblemAsync(HttpStatusCode.BadRequest, "validation_failed")).GetProperty("errors").TryGetProperty(field, out _).ShouldBeTrue();
    }
}
