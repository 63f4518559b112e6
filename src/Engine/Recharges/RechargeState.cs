namespace ResellerKit.Engine.Recharges;

/// <summary>
/// Where a recharge stands. Only <see cref="Open"/> is open; every other state is final, and closing one lets a
/// later dip below the threshold open the next.
/// </summary>
public enum RechargeState
{
    /// <summary>Decided with the debit; the charge or the agency's grant is pending.</summary>
    Open,

    /// <summary>The credits were granted (by the Stripe charge, or by the agency's grant).</summary>
    Granted,

    /// <summary>The payment failed (declined, needs authentication, no saved card).</summary>
    Failed,

    /// <summary>The agency did not grant within <c>Recharge:WebhookGrantTimeout</c>.</summary>
    Expired,

    /// <summary>Not charged, by the sub-account's own limits (monthly spend cap); the reason says which.</summary>
    Skipped,
}
