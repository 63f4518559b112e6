namespace ResellerKit.Themes.Views;

/// <summary>The agency's branded email footer. <see cref="Email.EmailFooter"/> renders it; every email ends with it.</summary>
/// <param name="PostalAddress">The sender's postal address (required by anti-spam laws for marketing mail); lines split on newlines.</param>
/// <param name="SupportEmail">The agency's support address, or null when it set none (no address is shown).</param>
/// <param name="CustomText">The agency's own footer sentence, plain text.</param>
/// <param name="UnsubscribeUrl">Shown only for non-transactional messages; null hides it.</param>
public sealed record FooterView(
    string DisplayName,
    string? LogoUrl,
    string? PostalAddress,
    string? SupportEmail,
    string? CustomText,
    string? UnsubscribeUrl);
