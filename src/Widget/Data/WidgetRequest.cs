namespace ResellerKit.Widget.Data;

/// <summary>What the page asked for, straight from the element's attributes: untrusted, checked by the host on every call.</summary>
public sealed record WidgetRequest(string Agency, string? ClientSecret, string? Locale, string? Accent);
