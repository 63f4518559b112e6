using System.Collections.Concurrent;

namespace ResellerKit.Storefront.StripeSandbox;

/// <summary>
/// The connected accounts whose payment-intent calls fail (see <see cref="SandboxOutage"/>), set by
/// <c>POST /v1/test_helpers/outages</c> so that tests (and people trying the product) can see what auto-recharge does
/// when Stripe is unreachable. Kept in memory on the node that serves the sandbox; a restart ends every outage.
/// </summary>
public sealed class SandboxOutages
{
    private readonly ConcurrentDictionary<string, SandboxOutage> accounts = new(StringComparer.Ordinal);

    /// <summary>True while some account is in an outage (without one, nothing needs looking up).</summary>
    public bool Any => !accounts.IsEmpty;

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

    /// <summary>A read refused by the account's outage; null when it goes through (lost answers lose only charges' and searches').</summary>
    public IResult? FailRead(string? account) => For(account) == SandboxOutage.Refuse ? Fail(SandboxOutage.Refuse) : null;

    /// <summary>A search of the account's payment intents failed by its outage: refused, or its answer lost like a charge's.</summary>
    public IResult? FailSearch(string? account) => For(account) is { } outage ? Fail(outage) : null;

    /// <summary>The error Stripe would answer in this outage.</summary>
    public static IResult Fail(SandboxOutage outage) =>
        StripeJson.Error(outage == SandboxOutage.Refuse ? 503 : 500,
            outage == SandboxOutage.Refuse
                ? "The sandbox is refusing this account's payment intents (a test helper's outage): nothing was done."
                : "The sandbox lost this answer (a test helper's outage); the request may have been carried out.",
            type: "api_error");
}
