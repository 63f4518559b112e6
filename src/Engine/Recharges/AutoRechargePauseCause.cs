namespace ResellerKit.Engine.Recharges;

/// <summary>
/// What paused a sub-account's auto-recharge. Only a pause that failed charges caused lifts on its own, when a charge
/// counted as failed is paid after all; a lost dispute's pause waits for the agency to save the settings again.
/// </summary>
public enum AutoRechargePauseCause
{
    /// <summary>Charges failed in a row (<see cref="RechargeOptions.MaxConsecutiveFailures"/>).</summary>
    Failures,

    /// <summary>The bank took a payment back after a lost dispute.</summary>
    Dispute,
}
