namespace ResellerKit.Widget.Data;

/// <summary>A pack on sale, with its price formatted for the locale.</summary>
public sealed record PackOffer(string Id, string Name, long Credits, string CreditsText, string PriceText, string PerCreditText, string? Highlight);
