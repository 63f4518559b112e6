namespace ResellerKit.Widget.Data;

/// <summary>One recent usage entry, formatted for the locale.</summary>
public sealed record UsageLine(string When, string Description, string CreditsText);
