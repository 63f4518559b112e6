namespace ResellerKit.Storefront.StripeSandbox;

/// <summary>The sandbox's test payment methods, after Stripe's own test cards.</summary>
public enum TestCard
{
    /// <summary>4242 4242 4242 4242: succeeds, on-session and off-session.</summary>
    Visa,

    /// <summary>4000 0025 0000 3155: succeeds on-session; off-session it needs authentication (3-D Secure).</summary>
    RequiresAuthentication,

    /// <summary>4000 0000 0000 0341: succeeds on-session; later off-session charges are declined.</summary>
    DeclinesOffSession,

    /// <summary>4000 0000 0000 9995: declined, insufficient funds.</summary>
    Declines,

    /// <summary>A bank transfer that settles a few seconds later (checkout.session.async_payment_succeeded).</summary>
    DelayedSuccess,

    /// <summary>A bank transfer that fails a few seconds later (checkout.session.async_payment_failed).</summary>
    DelayedFailure,
}

public static class TestCards
{
    public static IReadOnlyList<(TestCard Card, string Label)> All { get; } =
    [
        (TestCard.Visa, "4242 4242 4242 4242 — the payment succeeds"),
        (TestCard.RequiresAuthentication, "4000 0025 0000 3155 — succeeds now; later off-session charges need 3-D Secure"),
        (TestCard.DeclinesOffSession, "4000 0000 0000 0341 — succeeds now; later off-session charges are declined"),
        (TestCard.Declines, "4000 0000 0000 9995 — declined (insufficient funds)"),
        (TestCard.DelayedSuccess, "Bank transfer — settles a few seconds later"),
        (TestCard.DelayedFailure, "Bank transfer — fails a few seconds later"),
    ];

    public static string Last4(TestCard card) => card switch
    {
        TestCard.RequiresAuthentication => "3155",
        TestCard.Declines => "9995",
        TestCard.DeclinesOffSession => "0341",
        TestCard.DelayedSuccess or TestCard.DelayedFailure => "6789",
        _ => "4242",
    };
}
