namespace ResellerKit.Themes.Email;

/// <summary>The agency's branded footer in both forms, as emails end with it and as <c>GET /api/v1/email-footer</c> serves it.</summary>
public sealed record RenderedFooter(string Html, string Text);
