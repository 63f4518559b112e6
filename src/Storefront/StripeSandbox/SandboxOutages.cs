using System.Collections.Concurrent;

namespace ResellerKit.Storefront.StripeSandbox;

/// <summary>How Stripe can fail an off-session charge without a card error, as a test helper sets it per connected account.</summary>
public enum SandboxOutage
{
    /// <summary>Stripe answers 503 before doing anything: nothing is charged, and a retry may charge.</summary>
    Refuse,

    /// <summary>Stripe charges the card, but every answer is lost (a 500) until the outage ends: the caller cannot tell.</summary>
    LoseAnswers,
}

/// <summary>
/// The connected accounts whose payment-intent calls fail, set by <c>POST /v1/test_helpers/outages</c> so that tests
/// (and people trying the product) can see what auto-recharge does when Stripe is unreachable. Kept in memory on the
/// node that serves the sandbox; a restart ends every outage.
/// </summary>
public sealed class SandboxOutages
{
    private readonly ConcurrentDictionary<string, SandboxOutage> accounts = new(StringComparer.Ordinal);

    public SandboxOutage? For(string? account) => account is not null && accounts.TryGetValue(account, out var outage) ? outage : null;

    public void Set(string account, SandboxOutage? outage)
    {
        if (outage is { } value)
        {
            accounts[account] = value;
        }
        else
        {
            accounts.TryRemove(account, out _);
        }
    }

    /// <summary>The error Stripe would answer in this outage.</summary>
    public static IResult Fail(SandboxOutage outage) =>
        StripeJson.Error(outage == SandboxOutage.Refuse ? 503 : 500,
            outage == SandboxOutage.Refuse
                ? "The sandbox is refusing this account's payment intents (a test helper's outage): nothing was done."
                : "The sandbox lost this answer (a test helper's outage); the request may have been carried out.",
            type: "api_error");
}
