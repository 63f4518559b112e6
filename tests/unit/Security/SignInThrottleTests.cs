using System.Net;
using ResellerKit.Tests.Unit.Support;

namespace ResellerKit.Tests.Unit.Security;

/// <summary>
/// Issue 13, item 7: sign-in is throttled by its endpoint, so another spelling of the path (case, trailing slash) is
/// the same endpoint and the same budget. This class has an app of its own: its limiters start empty.
/// </summary>
public sealed class SignInThrottleTests(SqliteApi api) : IClassFixture<SqliteApi>
{
    [Fact]
    public async Task SignIn_UnderAnotherSpellingOfThePath_IsThrottledAlike()
    {
        var agency = await api.CreateAgencyAsync();
        var backOffice = Browser.Open(api);
        var storefront = Browser.Storefront(api, agency.Slug);
        for (var i = 0; i < 10; i++)
        {
            var attempt = await backOffice.SubmitAsync("/admin/login", "/admin/login",
                ("_handler", "login"), ("Input.Email", $"guess{i}@example.com"), ("Input.Password", "wrong-password-1"));
            attempt.StatusCode.ShouldNotBe(HttpStatusCode.TooManyRequests);
        }

        var spellings = new List<HttpResponseMessage>();
        foreach (var path in new[] { "/admin/Login", "/ADMIN/LOGIN", "/admin/login/" })
        {
            spellings.Add(await backOffice.SubmitAsync("/admin/login", path,
                ("_handler", "login"), ("Input.Email", "guess@example.com"), ("Input.Password", "wrong-password-1")));
        }
        foreach (var path in new[] { "/Sign-In", "/sign-in/", "/magic-link/" })
        {
            spellings.Add(await storefront.SubmitAsync("/sign-in", path, ("email", "guess@example.com"), ("password", "wrong-password-1")));
        }

        spellings.ShouldAllBe(r => r.StatusCode == HttpStatusCode.TooManyRequests);
        spellings.ShouldAllBe(r => r.Headers.RetryAfter != null);
    }
}
