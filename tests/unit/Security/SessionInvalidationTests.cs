using System.Net;
using Microsoft.AspNetCore.Identity;
using Microsoft.Extensions.DependencyInjection;
using ResellerKit.Engine.Users;
using ResellerKit.Tests.Unit.Support;

namespace ResellerKit.Tests.Unit.Security;

/// <summary>Issue 13, item 11: a password reset ends every other session of that person at once, in the back office and on storefronts.</summary>
public sealed class SessionInvalidationTests(SqliteApi api) : IClassFixture<SqliteApi>
{
    [Fact]
    public async Task PasswordReset_EndsTheOwnersOtherBackOfficeSessions()
    {
        var agency = await api.CreateAgencyAsync();
        var laptop = await api.SignInOwnerAsync(agency);
        (await laptop.Client.GetAsync("/admin", Ct)).StatusCode.ShouldBe(HttpStatusCode.OK);

        var phone = await ResetPasswordAsync($"owner@{agency.Slug}.example");
        var afterReset = await laptop.Client.GetAsync("/admin", Ct);

        afterReset.StatusCode.ShouldBe(HttpStatusCode.Redirect);
        afterReset.Headers.Location!.ToString().ShouldContain("/admin/login");
        (await phone.Client.GetAsync("/admin", Ct)).StatusCode.ShouldBe(HttpStatusCode.OK, "the session that reset the password stays signed in");
    }

    [Fact]
    public async Task PasswordReset_EndsTheClientsStorefrontSessions()
    {
        var agency = await api.CreateAgencyAsync();
        var client = await agency.CreateClientAsync();
        var shopper = await api.SignInAsync(agency, client);
        (await shopper.Client.GetAsync("/account", Ct)).StatusCode.ShouldBe(HttpStatusCode.OK);

        await ResetPasswordAsync(client.Email);
        var afterReset = await shopper.Client.GetAsync("/account", Ct);

        afterReset.StatusCode.ShouldBe(HttpStatusCode.Redirect);
        afterReset.Headers.Location!.ToString().ShouldBe("/sign-in");
    }

    /// <summary>Follows the emailed reset link's form, in a browser of its own, as the person would on another device.</summary>
    private async Task<Browser> ResetPasswordAsync(string email)
    {
        string userId, token;
        await using (var scope = api.Services.CreateAsyncScope())
        {
            var users = scope.ServiceProvider.GetRequiredService<UserManager<User>>();
            var user = (await users.FindByEmailAsync(email))!;
            (userId, token) = (user.Id.ToString(), await users.GeneratePasswordResetTokenAsync(user));
        }

        var link = $"/admin/reset-password?user={userId}&token={Uri.EscapeDataString(token)}";
        var device = new Browser(api.CreateClient(new() { AllowAutoRedirect = false, HandleCookies = true }));
        var saved = await device.SubmitAsync(link, link,
            ("_handler", "set-password"), ("Input.UserId", userId), ("Input.Token", token), ("Input.Password", "A-New-Password-2026"));
        saved.StatusCode.ShouldBe(HttpStatusCode.Redirect, await saved.Content.ReadAsStringAsync(Ct));
        return device;
    }
}
