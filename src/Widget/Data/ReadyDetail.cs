namespace ResellerKit.Widget.Data;

/// <summary>The <c>resellerkit:ready</c> detail: what the widget shows once it has loaded.</summary>
public sealed record ReadyDetail(string Agency, string State, bool SignedIn);
