using ResellerKit.Storefront.Webhooks.Outbound;

namespace ResellerKit.Tests.Unit.Webhooks;

public sealed class RetryAfterTests
{
    private static readonly DateTimeOffset Now = new(2026, 1, 5, 10, 0, 0, TimeSpan.Zero);

    [Theory]
    [InlineData("0", 0)]
    [InlineData("120", 120)]
    [InlineData(" 30 ", 30)]
    [InlineData("86399", 86399)]
    [InlineData("86401", 86400)]
    [InlineData("99999999999999999999999999", 86400)]
    [InlineData("Mon, 05 Jan 2026 10:01:30 GMT", 90)]
    [InlineData("Monday, 05-Jan-26 10:02:00 GMT", 120)]
    [InlineData("Mon Jan  5 10:00:10 2026", 10)]
    [InlineData("Sun, 04 Jan 2026 10:00:00 GMT", 0)]
    [InlineData("Fri, 01 Jan 2100 00:00:00 GMT", 86400)]
    public void Parse_SecondsOrHttpDate_WaitCappedAtADay(string value, int seconds)
    {
        RetryAfter.Parse(value, Now).ShouldBe(TimeSpan.FromSeconds(seconds));
    }

    [Theory]
    [InlineData(null)]
    [InlineData("")]
    [InlineData("soon")]
    [InlineData("-5")]
    [InlineData("1.5")]
    [InlineData("120abc")]
    [InlineData("2026-01-05T10:05:00Z")]
    public void Parse_Garbage_Null(string? value)
    {
        RetryAfter.Parse(value, Now).ShouldBeNull();
    }
}
