namespace ResellerKit.Engine.Pricing;

/// <summary>An amount in a currency's minor units (cents), as Stripe counts it. Formatting belongs to the Themes filters.</summary>
public readonly record struct Money(long Minor, string Currency);
