namespace ResellerKit.Storefront.StripeSandbox;

/// <summary>How Stripe can fail an off-session charge without a card error, as a test helper sets it per connected account.</summary>
public enum SandboxOutage
{
    /// <summary>Stripe answers 503 to every payment-intent call (create, retrieve, list): nothing is charged, and a retry may charge.</summary>
    Refuse,

    /// <summary>
    /// Stripe charges the card, but every charge's answer is lost (a 500) until the outage ends, and so is every search of
    /// the account's payment intents (the look-up for a charge whose answer was lost): the caller cannot tell.
    /// </summary>
    LoseAnswers,
}
