using System.Net;
using System.Net.Http.Json;

namespace ResellerKit.Tests.Unit.Support;

public sealed record TestClient(string SubAccountId, string Email, string Password);

/// <summary>Storefront steps: a client with a login, and signing that client in.</summary>
public static class ShopDriver
{
    public static async Task<TestClient> CreateClientAsync(this TestAgency agency, string creditMode = "reselling", string? name = null)
    {
        var email = $"client-{Guid.NewGuid():N}@example.com";
        var response = await agency.Client.PostAsJsonAsync("/api/v1/sub-accounts", new { name = name ?? "Client Co", email, creditMode }, Ct);
        var body = await response.ExpectAsync(HttpStatusCode.Created);
        return new TestClient(body.GetProperty("id").GetString()!, email, body.GetProperty("initialPassword").GetString()!);
    }

    public static async Task<Browser> SignInAsync(this ApiFixture api, TestAgency agency, TestClient client)
    {
        var browser = Browser.Storefront(api, agency.Slug);
        var response = await browser.SubmitAsync("/sign-in", "/sign-in", ("email", client.Email), ("password", client.Password));
        response.StatusCode.ShouldBe(HttpStatusCode.Redirect, await response.Content.ReadAsStringAsync(Ct));
        response.Headers.Location!.ToString().ShouldBe("/account");
        return browser;
    }

    /// <summary>Asks the storefront for a sign-in link for <paramref name="client"/> and returns the emailed link's path and query.</summary>
    public static async Task<string> EmailedSignInLinkAsync(this ApiFixture api, TestAgency agency, TestClient client)
    {
        var sent = await Browser.Storefront(api, agency.Slug).SubmitAsync("/sign-in", "/magic-link", ("email", client.Email));
        (await sent.Content.ReadAsStringAsync(Ct)).ShouldContain("on its way");
        var mail = await api.WaitForMailAsync(client.Email, m => m.Headers["X-Email-Kind"] == "MagicLink");
        return new Uri(System.Text.RegularExpressions.Regex.Match(mail.TextBody!, @"https?://\S+/magic\?token=\S+").Value).PathAndQuery;
    }
}
