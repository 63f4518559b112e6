namespace ResellerKit.Engine.Recharges;

/// <summary>What one <see cref="ChargeRecharge"/> attempt left behind.</summary>
public enum ChargeAttempt
{
    /// <summary>The recharge is closed (granted, failed or skipped), or was closed already.</summary>
    Done,

    /// <summary>
    /// Stripe has not finished the payment (its intent is <c>processing</c>): the recharge stays open, counts no failure,
    /// and Stripe is asked again later.
    /// </summary>
    Processing,
}
