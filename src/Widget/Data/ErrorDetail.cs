namespace ResellerKit.Widget.Data;

/// <summary>The <c>resellerkit:error</c> detail: a stable code and a sentence for people.</summary>
public sealed record ErrorDetail(string Code, string Message);
