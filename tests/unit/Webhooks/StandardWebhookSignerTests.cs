using System.Text;
using ResellerKit.Storefront.Webhooks.Outbound;

namespace ResellerKit.Tests.Unit.Webhooks;

public sealed class StandardWebhookSignerTests
{
    private const string Id = "msg_2KWPBgLlAfxdpx2AI54pPJ85f4W";
    private const string Body = """{"type":"credit.purchased","timestamp":"2026-01-05T10:00:00Z","data":{"credits":500,"name":"Café ✓"}}""";
    private static readonly DateTimeOffset At = DateTimeOffset.FromUnixTimeSeconds(1674087231);

    /// <summary>The vector the Standard Webhooks reference libraries sign in their own tests.</summary>
    [Fact]
    public void Sign_StandardWebhooksReferenceVector_SameSignature()
    {
        var secret = WebhookSecret.Parse("whsec_MfKQ9r8GKYqrTwjUPD8ILPZIo2LaLaSw");

        var headers = StandardWebhookSigner.Sign("msg_p5jXN8AQM9LWM0D4loKWxJek", DateTimeOffset.FromUnixTimeSeconds(1614265330), """{"test": 2432232314}""", [secret]);

        headers.Signature.ShouldBe("v1,g0hM9SsE+OTPJTGt/tmIKtSyZlE3uFJELVlNIOLJ1OE=");
        headers.Timestamp.ShouldBe("1614265330");
        headers.Id.ShouldBe("msg_p5jXN8AQM9LWM0D4loKWxJek");
    }

    [Fact]
    public void Sign_OneSecret_VerifiedByAnIndependentReceiver()
    {
        var secret = WebhookSecret.Generate();

        var headers = StandardWebhookSigner.Sign(Id, At, Body, [secret]);

        headers.Signature.ShouldStartWith("v1,");
        headers.Signature.ShouldNotContain(" ");
        IndependentVerifier.Verifies(secret.Value, headers.Id, headers.Timestamp, Body, headers.Signature).ShouldBeTrue();
    }

    [Fact]
    public void Sign_BytesAndString_SameSignature()
    {
        var secret = WebhookSecret.Generate();

        var fromString = StandardWebhookSigner.Sign(Id, At, Body, [secret]);
        var fromBytes = StandardWebhookSigner.Sign(Id, At, Encoding.UTF8.GetBytes(Body), [secret]);

        fromBytes.ShouldBe(fromString);
    }

    [Fact]
    public void Sign_TwoSecretsDuringRotation_EitherVerifies()
    {
        var current = WebhookSecret.Generate();
        var previous = WebhookSecret.Generate();

        var headers = StandardWebhookSigner.Sign(Id, At, Body, [current, previous]);

        headers.Signature.Split(' ').Length.ShouldBe(2);
        headers.Signature.Split(' ').ShouldAllBe(s => s.StartsWith("v1,"));
        IndependentVerifier.Verifies(current.Value, Id, headers.Timestamp, Body, headers.Signature).ShouldBeTrue();
        IndependentVerifier.Verifies(previous.Value, Id, headers.Timestamp, Body, headers.Signature).ShouldBeTrue();
        IndependentVerifier.Verifies(WebhookSecret.Generate().Value, Id, headers.Timestamp, Body, headers.Signature).ShouldBeFalse();
    }

    [Theory]
    [InlineData(Body + " ", Id, "1674087231")]
    [InlineData(Body, "msg_other", "1674087231")]
    [InlineData(Body, Id, "1674087232")]
    public void Sign_AnyPartChanged_DoesNotVerify(string body, string id, string timestamp)
    {
        var secret = WebhookSecret.Generate();

        var headers = StandardWebhookSigner.Sign(Id, At, Body, [secret]);

        IndependentVerifier.Verifies(secret.Value, id, timestamp, body, headers.Signature).ShouldBeFalse();
    }

    [Theory]
    [InlineData("")]
    [InlineData("msg.with.dots")]
    [InlineData("msg with space")]
    public void Sign_IdThatWouldBlurTheSignedContent_Throws(string id)
    {
        Should.Throw<ArgumentException>(() => StandardWebhookSigner.Sign(id, At, Body, [WebhookSecret.Generate()]));
    }

    [Fact]
    public void Sign_NoSecret_Throws()
    {
        Should.Throw<ArgumentException>(() => StandardWebhookSigner.Sign(Id, At, Body, []));
    }
}
