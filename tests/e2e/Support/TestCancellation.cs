namespace ResellerKit.Tests.E2e.Support;

public static class TestCancellation
{
    public static CancellationToken Ct => TestContext.Current.CancellationToken;
}
