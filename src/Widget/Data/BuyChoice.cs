namespace ResellerKit.Widget.Data;

/// <summary>What the client chose: a pack by id, or a number of credits. The host prices it; the page never does.</summary>
public sealed record BuyChoice(string? PackId, long? Credits);
