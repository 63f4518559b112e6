using System.Text.Encodings.Web;
using ResellerKit.Storefront.Hosting;

namespace ResellerKit.Storefront.WidgetHost;

/// <summary>
/// The two lines an agency pastes into its site. The element reserves its height before the script arrives, so the
/// page does not jump. <c>client-secret</c> is left for the agency's server to fill in per signed-in client (from
/// <c>POST /api/v1/widget-sessions</c>); without it the widget shows the packs and a "Sign in".
/// </summary>
public sealed class WidgetSnippet(PublicUrls urls)
{
    public const string SecretPlaceholder = "{CLIENT_SECRET}";

    public string ScriptUrl => urls.BaseUrl + "/widget.js";

    /// <param name="slug">The agency's slug.</param>
    /// <param name="signedIn">Whether the page signs its clients in (adds <c>client-secret</c> with a placeholder to replace).</param>
    /// <param name="clientSecret">A real secret instead of the placeholder, for a live preview.</param>
    /// <param name="accent">An accent colour (<c>#1d4ed8</c>) over the theme's, when the page wants one.</param>
    /// <param name="locale">The language and money format (<c>de-DE</c>) over the agency's, when the page wants one.</param>
    public string For(string slug, bool signedIn = true, string? clientSecret = null, string? accent = null, string? locale = null) =>
        $"<script src=\"{HtmlEncoder.Default.Encode(ScriptUrl)}\" defer></script>\n" + Element(slug, signedIn, clientSecret, accent, locale);

    /// <summary>The <c>&lt;resellerkit-credits&gt;</c> line alone: the back office's preview puts it under its own copy of the script.</summary>
    public string Element(string slug, bool signedIn = true, string? clientSecret = null, string? accent = null, string? locale = null)
    {
        var secret = clientSecret ?? (signedIn ? SecretPlaceholder : null);
        var attributes = Attribute("agency", slug) + Attribute("client-secret", secret) + Attribute("accent", accent) + Attribute("locale", locale);
        return $"<resellerkit-credits{attributes} style=\"display:block;min-height:22rem\"></resellerkit-credits>";
    }

    private static string Attribute(string name, string? value) =>
        string.IsNullOrEmpty(value) ? "" : $" {name}=\"{HtmlEncoder.Default.Encode(value)}\"";
}
