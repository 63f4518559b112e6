namespace ResellerKit.Storefront.StripeSandbox;

/// <summary>How Stripe can fail an off-session charge without a card error, as a test helper sets it per connected account.</summary>
public enum SandboxOutage
{
    /// <summary>Stripe answers 503 to every payment-intent call (create, retrieve, list): nothing is charged, and a retry may charge.</summary>
    Refuse,

    /// <summary>
    /// Stripe charges the card, but every payment-intent call's answer is lost (a 500) until the outage ends, a look-up's
    /// as much as a charge's: the caller cannot tell.
    /// </summary>
    LoseAnswers,
}
