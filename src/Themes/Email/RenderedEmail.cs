using ResellerKit.Themes.Rendering;

namespace ResellerKit.Themes.Email;

/// <summary>A ready-to-send email: subject, HTML body and plain-text body, both ending with the agency's footer.</summary>
/// <param name="OverrideError">Set when the agency's own template failed and the built-in one was used instead; show it in the back office.</param>
public sealed record RenderedEmail(string Subject, string Html, string Text, ThemeError? OverrideError = null);
