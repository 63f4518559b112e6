namespace ResellerKit.Themes.Views;

/// <summary>The storefront's own links: <c>urls</c>. Forms post to these; the storefront handles the POSTs.</summary>
/// <param name="Assets">Base URL under which the storefront serves the theme's <c>assets/</c> files; <c>asset_url</c> builds on it.</param>
public sealed record UrlsView(
    string Home,
    string Account,
    string SignIn,
    string SignOut,
    string MagicLink,
    string Checkout,
    string Assets);
