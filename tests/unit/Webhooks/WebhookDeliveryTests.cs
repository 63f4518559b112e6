using System.Net;
using System.Net.Sockets;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Options;
using ResellerKit.Storefront.Webhooks.Outbound;
using ResellerKit.Tests.Unit.Support;

namespace ResellerKit.Tests.Unit.Webhooks;

/// <summary>Real deliveries to a Kestrel endpoint on 127.0.0.1, with allowLoopback on; no other private address is ever used.</summary>
public sealed class WebhookDeliveryTests
{
    private const string Payload = """{"type":"credit.balance_low","timestamp":"2026-01-05T10:00:00Z","data":{"subAccountId":"sa_1","balance":3,"note":"ünïcode ✓"}}""";
    private static readonly DateTimeOffset Now = new(2026, 1, 5, 10, 0, 0, TimeSpan.Zero);

    private readonly WebhookSecret secret = WebhookSecret.Generate();
    private readonly TestClock clock = new(Now);

    private WebhookDelivery Delivery(bool allowLoopback = true, TimeSpan? timeout = null) =>
        new(new GuardedHttpClientFactory(new StubResolver([]), Options.Create(new OutboundHttpOptions
        {
            AllowLoopback = allowLoopback,
            RequestTimeout = timeout ?? TimeSpan.FromSeconds(15),
        })), clock);

    private Task<DeliveryResult> SendAsync(string url, bool allowLoopback = true, TimeSpan? timeout = null) =>
        Delivery(allowLoopback, timeout).SendAsync(url, "msg_2KWPBgLlAfxdpx2AI54pPJ85f4W", Payload, [secret], Ct);

    [Fact]
    public async Task Send_EndpointAnswers204_DeliveredSignedAsTheSpecSays()
    {
        await using var server = await LoopbackServer.StartAsync(c => { c.Response.StatusCode = 204; return Task.CompletedTask; });

        var result = await SendAsync(server.Url("/hook"));

        result.Status.ShouldBe(DeliveryStatus.Delivered);
        result.StatusCode.ShouldBe(204);
        var received = server.Received.ShouldHaveSingleItem();
        received.Body.ShouldBe(Payload);
        received.Headers["content-type"].ShouldBe("application/json; charset=utf-8");
        received.Headers["webhook-id"].ShouldBe("msg_2KWPBgLlAfxdpx2AI54pPJ85f4W");
        received.Headers["webhook-timestamp"].ShouldBe(Now.ToUnixTimeSeconds().ToString(System.Globalization.CultureInfo.InvariantCulture));
        IndependentVerifier.Verifies(secret.Value, received.Headers["webhook-id"], received.Headers["webhook-timestamp"], received.Body, received.Headers["webhook-signature"])
            .ShouldBeTrue();
    }

    [Fact]
    public async Task Send_EndpointAnswers410_Gone()
    {
        await using var server = await LoopbackServer.StartAsync(c => { c.Response.StatusCode = 410; return Task.CompletedTask; });

        var result = await SendAsync(server.Url("/hook"));

        (result.Status, result.StatusCode).ShouldBe((DeliveryStatus.Gone, 410));
    }

    [Theory]
    [InlineData(301)]
    [InlineData(302)]
    [InlineData(307)]
    [InlineData(308)]
    public async Task Send_EndpointRedirects_NotFollowedAndRetried(int status)
    {
        await using var server = await LoopbackServer.StartAsync(c =>
        {
            c.Response.StatusCode = c.Request.Path == "/hook" ? status : 200;
            c.Response.Headers.Location = "/elsewhere";
            return Task.CompletedTask;
        });

        var result = await SendAsync(server.Url("/hook"));

        (result.Status, result.StatusCode).ShouldBe((DeliveryStatus.Retry, status));
        result.Detail.ShouldContain("redirects are not followed");
        server.Received.Select(r => r.Path).ShouldBe(["/hook"]);
    }

    [Fact]
    public async Task Send_Endpoint500_RetryWithTheBodyForTheLog()
    {
        await using var server = await LoopbackServer.StartAsync(async c => { c.Response.StatusCode = 500; await c.Response.WriteAsync("database is down", Ct); });

        var result = await SendAsync(server.Url("/hook"));

        (result.Status, result.StatusCode, result.ResponseSnippet, result.ResponseTruncated, result.RetryAfter)
            .ShouldBe((DeliveryStatus.Retry, 500, "database is down", false, (TimeSpan?)null));
    }

    [Theory]
    [InlineData("120", 120)]
    [InlineData("Mon, 05 Jan 2026 10:05:00 GMT", 300)]
    [InlineData("999999", 86400)]
    public async Task Send_Endpoint503WithRetryAfter_RetryAfterHonoured(string header, int seconds)
    {
        await using var server = await LoopbackServer.StartAsync(c =>
        {
            c.Response.StatusCode = 503;
            c.Response.Headers.RetryAfter = header;
            return Task.CompletedTask;
        });

        var result = await SendAsync(server.Url("/hook"));

        (result.Status, result.RetryAfter).ShouldBe((DeliveryStatus.Retry, TimeSpan.FromSeconds(seconds)));
    }

    [Fact]
    public async Task Send_EndpointAnswersHugeBody_SnippetCapped()
    {
        await using var server = await LoopbackServer.StartAsync(async c =>
        {
            c.Response.StatusCode = 400;
            var chunk = new byte[64 * 1024];
            Array.Fill(chunk, (byte)'x');
            for (var i = 0; i < 64 && !c.RequestAborted.IsCancellationRequested; i++)
            {
                await c.Response.Body.WriteAsync(chunk, c.RequestAborted);
            }
        });

        var result = await SendAsync(server.Url("/hook"));

        result.StatusCode.ShouldBe(400);
        result.ResponseSnippet!.Length.ShouldBe(WebhookDelivery.SnippetBytes);
        result.ResponseTruncated.ShouldBeTrue();
    }

    [Fact]
    public async Task Send_EndpointTooSlow_RetryAsTimeout()
    {
        await using var server = await LoopbackServer.StartAsync(c => Task.Delay(TimeSpan.FromSeconds(30), c.RequestAborted));

        var result = await SendAsync(server.Url("/hook"), timeout: TimeSpan.FromSeconds(1));

        result.Status.ShouldBe(DeliveryStatus.Retry);
        result.Detail.ShouldBe("No answer within 1 s.");
    }

    [Fact]
    public async Task Send_NothingListening_RetryAsNetworkError()
    {
        var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        var port = ((IPEndPoint)listener.LocalEndpoint).Port;
        listener.Stop();

        var result = await SendAsync($"http://127.0.0.1:{port}/hook");

        result.Status.ShouldBe(DeliveryStatus.Retry);
        result.Detail.ShouldStartWith("Network error");
    }

    [Fact]
    public async Task Send_LoopbackWithoutAllowLoopback_RefusedAndNothingSent()
    {
        await using var server = await LoopbackServer.StartAsync(c => Task.CompletedTask);

        var result = await SendAsync(server.Url("/hook"), allowLoopback: false);

        result.Status.ShouldBe(DeliveryStatus.Refused);
        result.Detail.ShouldContain("a loopback address (127.0.0.1)");
        server.Received.ShouldBeEmpty();
    }

    [Fact]
    public async Task Send_UrlWithCredentials_RefusedAndNothingSent()
    {
        await using var server = await LoopbackServer.StartAsync(c => Task.CompletedTask);

        var result = await SendAsync(server.Url("/hook").Replace("http://", "http://user:pass@", StringComparison.Ordinal));

        result.Status.ShouldBe(DeliveryStatus.Refused);
        server.Received.ShouldBeEmpty();
    }
}
