namespace ResellerKit.Tests.Unit.Support;

public static class TestCancellation
{
    /// <summary>The running test's token: a cancelled or timed-out run stops its HTTP calls and queries at once.</summary>
    public static CancellationToken Ct => TestContext.Current.CancellationToken;
}
