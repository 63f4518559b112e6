using System.Net;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc.Testing.Handlers;
using Microsoft.Extensions.DependencyInjection;
using ResellerKit.Engine.Users;

namespace ResellerKit.Tests.Unit.Support;

/// <summary>Signs an agency's owner into the back office through the real login form, for page tests.</summary>
public static class BackOfficeSignIn
{
    private const string Password = "Back-Office-Owner-Pass-1234";
    private static int lastAddress;

    /// <summary>
    /// Signs the agency's owner in from a client address of its own: the sign-in throttle allows 10 a minute per
    /// address, and every other test's sign-ins come from the test server's single one.
    /// </summary>
    public static async Task<Browser> SignInOwnerAsync(this ApiFixture api, TestAgency agency)
    {
        var email = $"owner@{agency.Slug}.example";
        await using (var scope = api.Services.CreateAsyncScope())
        {
            var users = scope.ServiceProvider.GetRequiredService<UserManager<User>>();
            (await users.AddPasswordAsync((await users.FindByEmailAsync(email))!, Password)).Succeeded.ShouldBeTrue();
        }
        var n = Interlocked.Increment(ref lastAddress);
        var address = new IPAddress([198, 18, (byte)(n >> 8), (byte)n]);
        var handler = new CookieContainerHandler { InnerHandler = api.Server.CreateHandler(http => http.Connection.RemoteIpAddress = address) };
        var browser = new Browser(new HttpClient(handler) { BaseAddress = api.Server.BaseAddress });
        var response = await browser.SubmitAsync("/admin/login", "/admin/login", ("_handler", "login"), ("Input.Email", email), ("Input.Password", Password));
        response.StatusCode.ShouldBe(HttpStatusCode.Redirect, await response.Content.ReadAsStringAsync(Ct));
        return browser;
    }
}
