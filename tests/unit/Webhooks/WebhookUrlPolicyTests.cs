using Microsoft.Extensions.Options;
using ResellerKit.Storefront.Webhooks.Outbound;

namespace ResellerKit.Tests.Unit.Webhooks;

/// <summary>Save-time checks of agency URLs. DNS is a stub: no test here touches the network.</summary>
public sealed class WebhookUrlPolicyTests
{
    private readonly StubResolver resolver = new(new()
    {
        ["example.com"] = ["93.184.216.34"],
        ["xn--bcher-kva.example"] = ["93.184.216.35"],
        ["v6only.example"] = ["2606:4700:4700::1111"],
        ["internal.example"] = ["10.0.0.1"],
        ["metadata.example"] = ["169.254.169.254"],
        ["mixed.example"] = ["93.184.216.34", "10.0.0.7"],
        ["xn--mnchen-3ya.example"] = ["192.168.0.1"],
        ["ula.example"] = ["fd00::1"],
        ["mapped.example"] = ["::ffff:127.0.0.1"],
        ["empty.example"] = [],
    });

    private WebhookUrlPolicy Policy(bool allowLoopback = false) =>
        new(resolver, Options.Create(new OutboundHttpOptions { AllowLoopback = allowLoopback }));

    [Theory]
    [InlineData("https://example.com/hook", "https://example.com/hook")]
    [InlineData("HTTPS://EXAMPLE.COM/hook", "https://example.com/hook")]
    [InlineData("http://example.com:8080/in?x=1", "http://example.com:8080/in?x=1")]
    [InlineData("https://example.com./hook", "https://example.com./hook")]
    [InlineData("https://bücher.example/hook", "https://bücher.example/hook")]
    [InlineData("https://v6only.example/", "https://v6only.example/")]
    [InlineData("http://93.184.216.34/hook", "http://93.184.216.34/hook")]
    [InlineData("http://[2606:4700:4700::1111]/", "http://[2606:4700:4700::1111]/")]
    [InlineData("https://example.com/hook#anchor", "https://example.com/hook#anchor")]
    public async Task Check_PublicUrl_Allowed(string url, string expected)
    {
        var result = await Policy().CheckAsync(url, Ct);

        result.IsSuccess.ShouldBeTrue(result.Error?.Detail);
        result.Value.ToString().ShouldBe(expected);
    }

    [Theory]
    // IPv4 literals in every spelling the resolver accepts
    [InlineData("http://2130706433/", "a loopback address (127.0.0.1)")]
    [InlineData("http://0177.0.0.1/", "a loopback address (127.0.0.1)")]
    [InlineData("http://0x7f.0.0.1/", "a loopback address (127.0.0.1)")]
    [InlineData("http://0x7f000001/", "a loopback address (127.0.0.1)")]
    [InlineData("http://127.1/", "a loopback address (127.0.0.1)")]
    [InlineData("http://127.0.0.1./", "a loopback address (127.0.0.1)")]
    [InlineData("http://１２７.０.０.１/", "a loopback address (127.0.0.1)")]
    [InlineData("http://0/", "the unspecified address (0.0.0.0)")]
    [InlineData("http://10.0.0.5/hook", "a private network address (10.0.0.5)")]
    [InlineData("http://100.64.0.1/", "a carrier-grade NAT address")]
    [InlineData("http://169.254.169.254/latest/meta-data/", "a link-local address")]
    [InlineData("http://0xa9.0xfe.0xa9.0xfe/", "a link-local address (169.254.169.254)")]
    // IPv6 literals
    [InlineData("http://[::1]/", "a loopback address (::1)")]
    [InlineData("http://[::]/", "the unspecified address")]
    [InlineData("http://[::ffff:127.0.0.1]/", "a loopback address (127.0.0.1, written as ::ffff:127.0.0.1)")]
    [InlineData("http://[::ffff:7f00:1]/", "a loopback address (127.0.0.1")]
    [InlineData("http://[::127.0.0.1]/", "a loopback address (127.0.0.1, written as ::127.0.0.1)")]
    [InlineData("http://[64:ff9b::a9fe:a9fe]/", "a link-local address")]
    [InlineData("http://[2002:a00:1::]/", "a private network address (10.0.0.1, written as 2002:a00:1::)")]
    [InlineData("http://[fd00::1]/", "a unique local (private) IPv6 address")]
    [InlineData("http://[fe80::1%25eth0]/", "a link-local address")]
    [InlineData("http://[fec0::1]/", "a site-local IPv6 address")]
    [InlineData("http://[2001:db8::1]/", "a documentation-only address")]
    // names resolving to refused addresses
    [InlineData("https://internal.example/hook", "resolves to a private network address (10.0.0.1)")]
    [InlineData("https://metadata.example/", "resolves to a link-local address")]
    [InlineData("https://mixed.example/hook", "resolves to a private network address (10.0.0.7)")]
    [InlineData("https://münchen.example/", "resolves to a private network address (192.168.0.1)")]
    [InlineData("https://ula.example/", "resolves to a unique local")]
    [InlineData("https://mapped.example/", "resolves to a loopback address (127.0.0.1, written as ::ffff:127.0.0.1)")]
    [InlineData("https://nowhere.example/", "the host nowhere.example could not be resolved")]
    [InlineData("https://empty.example/", "the host empty.example could not be resolved")]
    // userinfo and parser tricks
    [InlineData("http://example.com@127.0.0.1/", "contains a user name or password")]
    [InlineData("http://user:pass@example.com/", "contains a user name or password")]
    [InlineData("http://@example.com/", "contains a user name or password")]
    [InlineData("http://127.0.0.1#@example.com/", "a loopback address (127.0.0.1)")]
    [InlineData("http://127.0.0.1?@example.com/", "a loopback address (127.0.0.1)")]
    [InlineData("http://example.com\\@127.0.0.1/", "contains a backslash")]
    [InlineData("http:\\\\127.0.0.1\\", "contains a backslash")]
    [InlineData("http://exa mple.com/", "contains a backslash, a space or a control character")]
    [InlineData("http://example.com/\nHost: 127.0.0.1", "a control character")]
    // schemes
    [InlineData("ftp://example.com/", "uses the ftp: scheme")]
    [InlineData("file:///etc/passwd", "uses the file: scheme")]
    [InlineData("gopher://example.com:70/_GET", "uses the gopher: scheme")]
    [InlineData("ws://example.com/", "uses the ws: scheme")]
    [InlineData("javascript:alert(1)", "is not a valid absolute URL")]
    [InlineData("data:text/plain,hello", "is not a valid absolute URL")]
    // shape and ports
    [InlineData("http://example.com:70000/", "is not a valid absolute URL")]
    [InlineData("http://example.com:0/", "has port 0")]
    [InlineData("example.com/hook", "is not a valid absolute URL")]
    [InlineData("/hook", "is not a valid absolute URL")]
    [InlineData("http:/example.com/", "is not a valid absolute URL")]
    [InlineData("", "A webhook URL is required.")]
    public async Task Check_RefusedUrl_ExplainsWhy(string url, string because)
    {
        var result = await Policy().CheckAsync(url, Ct);

        result.IsSuccess.ShouldBeFalse($"{url} was allowed");
        result.Error.Code.ShouldBe("url_not_allowed");
        result.Error.Detail.ShouldContain(because);
    }

    [Fact]
    public async Task Check_PrivateIPv4Literal_GivesTheSentenceTheApiShows()
    {
        var result = await Policy().CheckAsync("https://10.0.0.5/hook", Ct);

        result.Error!.Detail.ShouldBe("https://10.0.0.5/hook points to a private network address (10.0.0.5); webhooks can only go to public addresses.");
    }

    [Fact]
    public async Task Check_IPLiteral_DoesNotAskDns()
    {
        await Policy().CheckAsync("http://0x7f.1/", Ct);
        await Policy().CheckAsync("http://[::ffff:10.0.0.1]/", Ct);

        resolver.Queries.ShouldBeEmpty();
    }

    [Fact]
    public async Task Check_IdnHost_ResolvedInPunycode()
    {
        await Policy().CheckAsync("https://bücher.example/hook", Ct);

        resolver.Queries.ShouldBe(["xn--bcher-kva.example"]);
    }

    [Fact]
    public async Task Check_UrlLongerThan2048_Refused()
    {
        var result = await Policy().CheckAsync("https://example.com/" + new string('a', 2100), Ct);

        result.Error!.Detail.ShouldBe("The webhook URL is 2120 characters long; the limit is 2048.");
    }

    [Theory]
    [InlineData("http://127.0.0.1:5000/hook")]
    [InlineData("http://[::1]:5000/hook")]
    public async Task Check_LoopbackWithAllowLoopback_Allowed(string url)
    {
        (await Policy(allowLoopback: true).CheckAsync(url, Ct)).IsSuccess.ShouldBeTrue();
    }

    [Theory]
    [InlineData("http://10.0.0.5/")]
    [InlineData("http://169.254.169.254/")]
    [InlineData("http://[::ffff:127.0.0.1]/")]
    public async Task Check_OtherPrivateWithAllowLoopback_StillRefused(string url)
    {
        (await Policy(allowLoopback: true).CheckAsync(url, Ct)).IsSuccess.ShouldBeFalse();
    }
}
