using System.Net;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc.Testing.Handlers;
using Microsoft.Extensions.DependencyInjection;
using ResellerKit.Engine.Users;

namespace ResellerKit.Tests.Unit.Support;

/// <summary>Signing in to the back office through its real login form, as an agency's owner or a client user.</summary>
public static class BackOfficeSignIn
{
    public const string OwnerPassword = "Back-Office-Owner-Pass-1234";
    private static int lastAddress;

    /// <summary>
    /// Signs in from a client address of its own: the sign-in throttle allows 10 a minute per address, and every
    /// other test's sign-ins come from the test server's single one.
    /// </summary>
    public static async Task<Browser> SignInBackOfficeAsync(this ApiFixture api, string email, string password)
    {
        var browser = api.BrowserOfItsOwnAddress();
        var response = await browser.SubmitAsync("/admin/login", "/admin/login", ("_handler", "login"), ("Input.Email", email), ("Input.Password", password));
        response.StatusCode.ShouldBe(HttpStatusCode.Redirect, await response.Content.ReadAsStringAsync(Ct));
        return browser;
    }

    /// <summary>A browser (cookies, no automatic redirects) whose requests come from a client address no other browser uses.</summary>
    public static Browser BrowserOfItsOwnAddress(this ApiFixture api)
    {
        var n = Interlocked.Increment(ref lastAddress);
        var address = new IPAddress([198, 18, (byte)(n >> 8), (byte)n]);
        var handler = new CookieContainerHandler { InnerHandler = api.Server.CreateHandler(http => http.Connection.RemoteIpAddress = address) };
        return new Browser(new HttpClient(handler) { BaseAddress = api.PlatformAddress });
    }

    /// <summary>The agency's owner (created without a password; the invite sets one) with a password set for the test.</summary>
    public static async Task<Browser> SignInOwnerAsync(this ApiFixture api, TestAgency agency)
    {
        var email = $"owner@{agency.Slug}.example";
        await using (var scope = api.Services.CreateAsyncScope())
        {
            var users = scope.ServiceProvider.GetRequiredService<UserManager<User>>();
            (await users.AddPasswordAsync((await users.FindByEmailAsync(email))!, OwnerPassword)).Succeeded.ShouldBeTrue();
        }
        return await api.SignInBackOfficeAsync(email, OwnerPassword);
    }

    /// <summary>The agency's owner made a platform admin too, signed in and switched to the platform's workspace.</summary>
    public static async Task<Browser> SignInPlatformAdminAsync(this ApiFixture api, TestAgency agency)
    {
        await using (var scope = api.Services.CreateAsyncScope())
        {
            var users = scope.ServiceProvider.GetRequiredService<UserManager<User>>();
            (await users.AddToRoleAsync((await users.FindByEmailAsync($"owner@{agency.Slug}.example"))!, Roles.PlatformAdmin)).Succeeded.ShouldBeTrue();
        }
        var admin = await api.SignInOwnerAsync(agency);
        (await admin.SubmitAsync("/admin", "/admin/switch", ("to", "platform"))).StatusCode.ShouldBe(HttpStatusCode.Redirect);
        return admin;
    }
}
