using System.Net;
using Microsoft.AspNetCore.Mvc.Testing.Handlers;
using ResellerKit.Engine.Persistence;
using ResellerKit.Storefront.Hosting;
using ResellerKit.Tests.Unit.Support;

namespace ResellerKit.Tests.Unit.Security;

/// <summary>
/// Behind the proxies <c>ResellerKit:TrustedProxies</c> names, the sign-in throttle counts each client by the address
/// the proxy forwards: one guesser behind the proxy no longer locks every other client out. A forwarded address from
/// anyone else is ignored, so it cannot be used to slip past the throttle.
/// </summary>
public sealed class TrustedProxiesTests(BehindProxyApi api) : IClassFixture<BehindProxyApi>
{
    [Fact]
    public async Task SignIn_ThroughATrustedProxy_ThrottlesEachForwardedClientOnItsOwn()
    {
        var guesser = From("10.0.0.5", forwardedFor: "198.51.100.1");
        var neighbour = From("10.0.0.5", forwardedFor: "198.51.100.2");

        var guesses = new List<HttpStatusCode>();
        for (var i = 0; i < 11; i++)
        {
            guesses.Add((await WrongPasswordAsync(guesser, i)).StatusCode);
        }
        var other = await WrongPasswordAsync(neighbour, 0);

        guesses.Take(10).ShouldAllBe(s => s != HttpStatusCode.TooManyRequests);
        guesses[10].ShouldBe(HttpStatusCode.TooManyRequests, "the eleventh attempt a minute from one client");
        other.StatusCode.ShouldNotBe(HttpStatusCode.TooManyRequests, "another client behind the same proxy has its own budget");
    }

    [Fact]
    public async Task SignIn_ForwardedForFromAnAddressNotTrusted_IsCountedUnderItsOwnAddress()
    {
        var statuses = new List<HttpStatusCode>();
        for (var i = 0; i < 11; i++)
        {
            statuses.Add((await WrongPasswordAsync(From("203.0.113.9", forwardedFor: $"198.51.100.{100 + i}"), i)).StatusCode);
        }

        statuses[10].ShouldBe(HttpStatusCode.TooManyRequests, "a header it writes itself does not give a client a new budget");
    }

    [Theory]
    [InlineData("10.0.0.0/8, 192.168.1.7", 2)]
    [InlineData(" 2001:db8::/32 ,", 1)]
    [InlineData("", 0)]
    public void Parse_AddressesAndNetworks_ReadsEach(string setting, int count) =>
        TrustedProxies.Parse(setting).Count.ShouldBe(count);

    [Fact]
    public void Parse_AnEntryThatIsNoAddress_StopsTheAppNamingIt() =>
        Should.Throw<InvalidOperationException>(() => TrustedProxies.Parse("10.0.0.0/8, proxy.internal")).Message.ShouldContain("\"proxy.internal\"");

    private Browser From(string address, string forwardedFor)
    {
        var handler = new CookieContainerHandler { InnerHandler = api.Server.CreateHandler(http => http.Connection.RemoteIpAddress = IPAddress.Parse(address)) };
        var client = new HttpClient(handler) { BaseAddress = api.PlatformAddress };
        client.DefaultRequestHeaders.Add("X-Forwarded-For", forwardedFor);
        return new Browser(client);
    }

    private static Task<HttpResponseMessage> WrongPasswordAsync(Browser browser, int person) =>
        browser.SubmitAsync("/admin/login", "/admin/login",
            ("_handler", "login"), ("Input.Email", $"person{person}@proxied.example"), ("Input.Password", "wrong-password-1"));
}

/// <summary>An install behind proxies on 10.0.0.0/8.</summary>
public sealed class BehindProxyApi() : ApiFixture(DatabaseProvider.Sqlite)
{
    protected override IReadOnlyDictionary<string, string> Settings { get; } = new Dictionary<string, string>
    {
        [TrustedProxies.Setting] = "10.0.0.0/8",
    };
}
