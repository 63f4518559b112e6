using System.Collections.Concurrent;
using System.Net;
using System.Net.Sockets;
using Microsoft.Extensions.Options;
using ResellerKit.Storefront.Webhooks.Outbound;

namespace ResellerKit.Tests.Unit.Webhooks;

/// <summary>
/// The guard inside ConnectCallback, driven through a real HttpClient. The socket connect is replaced by a hook that
/// records the endpoint and fails, so nothing ever leaves the machine and every connect attempt can be seen.
/// </summary>
public sealed class GuardedConnectTests
{
    private readonly ConcurrentQueue<IPEndPoint> connects = new();

    private readonly StubResolver resolver = new(new()
    {
        ["internal.example"] = ["10.0.0.1"],
        ["mixed.example"] = ["93.184.216.34", "10.0.0.7"],
        ["hooks.example"] = ["93.184.216.34", "2606:4700:4700::1111"],
        ["mapped.example"] = ["::ffff:93.184.216.34"],
    });

    private GuardedHttpClientFactory Factory(bool allowLoopback = false, IHostResolver? dns = null) =>
        new(dns ?? resolver, new OutboundHttpOptions { AllowLoopback = allowLoopback }, (endpoint, _) =>
        {
            connects.Enqueue(endpoint);
            throw new SocketException((int)SocketError.ConnectionRefused);
        });

    private static async Task<Exception> SendAsync(GuardedHttpClientFactory factory, string url, Version? version = null)
    {
        using var client = factory.CreateClient();
        using var request = new HttpRequestMessage(HttpMethod.Post, url);
        if (version is not null)
        {
            request.Version = version;
            request.VersionPolicy = HttpVersionPolicy.RequestVersionExact;
        }
        return await Should.ThrowAsync<HttpRequestException>(() => client.SendAsync(request, Ct));
    }

    [Fact]
    public async Task Connect_NameResolvesToPrivateAddress_RefusedWithoutConnecting()
    {
        using var factory = Factory();

        var error = await SendAsync(factory, "https://internal.example/hook");

        var refused = DestinationRefusedException.FindIn(error).ShouldNotBeNull();
        refused.Host.ShouldBe("internal.example");
        refused.Verdict.Address.ShouldBe(IPAddress.Parse("10.0.0.1"));
        refused.Verdict.Class.ShouldBe(AddressClass.Private);
        connects.ShouldBeEmpty();
    }

    [Fact]
    public async Task Connect_NameResolvesToPublicAndPrivate_RefusedWithoutConnecting()
    {
        using var factory = Factory();

        var error = await SendAsync(factory, "https://mixed.example/hook");

        DestinationRefusedException.FindIn(error)!.Verdict.Address.ShouldBe(IPAddress.Parse("10.0.0.7"));
        connects.ShouldBeEmpty();
    }

    [Fact]
    public async Task Connect_PublicName_ResolvesOnceAndConnectsOnlyToCheckedAddresses()
    {
        using var factory = Factory();

        var error = await SendAsync(factory, "https://hooks.example/hook");

        DestinationRefusedException.FindIn(error).ShouldBeNull();
        resolver.Queries.ShouldBe(["hooks.example"]);
        connects.ShouldBe([new IPEndPoint(IPAddress.Parse("93.184.216.34"), 443), new IPEndPoint(IPAddress.Parse("2606:4700:4700::1111"), 443)]);
    }

    [Fact]
    public async Task Connect_MappedPublicAddress_ConnectsAsPlainIPv4()
    {
        using var factory = Factory();

        await SendAsync(factory, "http://mapped.example/");

        connects.ShouldBe([new IPEndPoint(IPAddress.Parse("93.184.216.34"), 80)]);
    }

    /// <summary>DNS rebinding: the name passes the save-time check, then answers a loopback address at connect time.</summary>
    [Fact]
    public async Task Connect_DnsRebindsAfterSaveTimeCheck_RefusedAtConnect()
    {
        var rebinding = new StubResolver([]) { Answer = (_, asked) => asked == 0 ? ["93.184.216.34"] : ["127.0.0.1"] };
        var saved = await new WebhookUrlPolicy(rebinding, Options.Create(new OutboundHttpOptions())).CheckAsync("https://rebind.example/hook", Ct);
        using var factory = Factory(dns: rebinding);

        var error = await SendAsync(factory, "https://rebind.example/hook");

        saved.IsSuccess.ShouldBeTrue();
        DestinationRefusedException.FindIn(error)!.Verdict.Class.ShouldBe(AddressClass.Loopback);
        connects.ShouldBeEmpty();
    }

    [Theory]
    [InlineData("http://127.0.0.1:9/")]
    [InlineData("http://2130706433:9/")]
    [InlineData("http://0x7f.1:9/")]
    [InlineData("http://[::1]:9/")]
    [InlineData("http://[::ffff:127.0.0.1]:9/")]
    [InlineData("http://169.254.169.254/latest/meta-data/")]
    [InlineData("http://[fe80::1%25eth0]/")]
    [InlineData("http://[64:ff9b::a00:1]/")]
    public async Task Connect_NonPublicLiteral_RefusedWithoutDnsOrConnect(string url)
    {
        using var factory = Factory();

        var error = await SendAsync(factory, url);

        DestinationRefusedException.FindIn(error).ShouldNotBeNull();
        resolver.Queries.ShouldBeEmpty();
        connects.ShouldBeEmpty();
    }

    [Theory]
    [InlineData("http://127.0.0.1:9/", "127.0.0.1")]
    [InlineData("http://[::1]:9/", "::1")]
    public async Task Connect_LoopbackWithAllowLoopback_Connects(string url, string address)
    {
        using var factory = Factory(allowLoopback: true);

        var error = await SendAsync(factory, url);

        DestinationRefusedException.FindIn(error).ShouldBeNull();
        connects.ShouldBe([new IPEndPoint(IPAddress.Parse(address), 9)]);
    }

    [Theory]
    [InlineData("http://10.0.0.1/")]
    [InlineData("http://169.254.169.254/")]
    [InlineData("http://[::ffff:127.0.0.1]:9/")]
    [InlineData("https://internal.example/")]
    public async Task Connect_OtherPrivateWithAllowLoopback_StillRefused(string url)
    {
        using var factory = Factory(allowLoopback: true);

        var error = await SendAsync(factory, url);

        DestinationRefusedException.FindIn(error).ShouldNotBeNull();
        connects.ShouldBeEmpty();
    }

    /// <summary>HTTP/3 (QUIC) would not pass through ConnectCallback; the client pins every request to HTTP/1.1.</summary>
    [Fact]
    public async Task Connect_RequestAsksForHttp3_StillGoesThroughTheGuard()
    {
        using var factory = Factory();

        var error = await SendAsync(factory, "https://internal.example/hook", HttpVersion.Version30);

        DestinationRefusedException.FindIn(error).ShouldNotBeNull();
    }

    [Fact]
    public void Handler_Settings_FollowTheGuardRules()
    {
        using var factory = Factory();
        var handler = factory.Handler;
        using var client = factory.CreateClient();

        (handler.AllowAutoRedirect, handler.UseProxy, handler.UseCookies, handler.AutomaticDecompression).ShouldBe((false, false, false, DecompressionMethods.None));
        handler.ConnectTimeout.ShouldBe(TimeSpan.FromSeconds(5));
        handler.PooledConnectionLifetime.ShouldBe(TimeSpan.FromMinutes(1));
        handler.ConnectCallback.ShouldNotBeNull();
        client.Timeout.ShouldBe(TimeSpan.FromSeconds(15));
        client.MaxResponseContentBufferSize.ShouldBe(64 * 1024);
    }
}
