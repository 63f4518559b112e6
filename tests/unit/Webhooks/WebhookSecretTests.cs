using ResellerKit.Storefront.Webhooks.Outbound;

namespace ResellerKit.Tests.Unit.Webhooks;

public sealed class WebhookSecretTests
{
    [Fact]
    public void Generate_WhsecAnd32RandomBytes()
    {
        var one = WebhookSecret.Generate();
        var two = WebhookSecret.Generate();

        one.Value.ShouldStartWith("whsec_");
        Convert.FromBase64String(one.Value["whsec_".Length..]).Length.ShouldBe(32);
        one.Value.ShouldNotBe(two.Value);
        WebhookSecret.Parse(one.Value).Value.ShouldBe(one.Value);
    }

    [Fact]
    public void ToString_DoesNotRevealTheSecret()
    {
        var secret = WebhookSecret.Generate();

        secret.ToString().ShouldNotContain(secret.Value["whsec_".Length..]);
        $"{secret}".ShouldBe("whsec_…");
    }

    [Theory]
    [InlineData(24)]
    [InlineData(32)]
    [InlineData(64)]
    public void TryParse_24To64Bytes_Accepted(int bytes)
    {
        var text = "whsec_" + Convert.ToBase64String(new byte[bytes].Select((_, i) => (byte)(i * 7)).ToArray());

        WebhookSecret.TryParse(text, out var secret).ShouldBeTrue();
        secret!.Value.ShouldBe(text);
    }

    [Theory]
    [InlineData(null)]
    [InlineData("")]
    [InlineData("whsec_")]
    [InlineData("MfKQ9r8GKYqrTwjUPD8ILPZIo2LaLaSw")]
    [InlineData("WHSEC_MfKQ9r8GKYqrTwjUPD8ILPZIo2LaLaSw")]
    [InlineData("whsk_MfKQ9r8GKYqrTwjUPD8ILPZIo2LaLaSw")]
    [InlineData("whsec_MfKQ9r8GKYqrTwjUPD8ILPZIo2LaLaS")]
    [InlineData("whsec_MfKQ9r8GKYqrTwjU PD8ILPZIo2LaLaSw")]
    [InlineData("whsec_MfKQ9r8GKYqrTwjU-D8ILPZIo2LaLa_w")]
    [InlineData("whsec_!!!!9r8GKYqrTwjUPD8ILPZIo2LaLaSw")]
    public void TryParse_NotTheWhsecForm_Refused(string? text)
    {
        WebhookSecret.TryParse(text, out _).ShouldBeFalse();
    }

    [Theory]
    [InlineData(23)]
    [InlineData(65)]
    [InlineData(16)]
    public void TryParse_TooFewOrTooManyBytes_Refused(int bytes)
    {
        WebhookSecret.TryParse("whsec_" + Convert.ToBase64String(new byte[bytes]), out _).ShouldBeFalse();
    }
}
