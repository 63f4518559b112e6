namespace ResellerKit.Widget.Data;

/// <summary>Any number of credits within bounds at the agency's per-credit price (only offered when it meets the floor).</summary>
public sealed record CustomOffer(decimal PricePerCredit, string Currency, long MinCredits, long MaxCredits, string PerCreditText, string Locale);
