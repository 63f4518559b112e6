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
    public string For(string slug, bool signedIn = true, string? clientSecret = null)
    {
        var secret = clientSecret ?? (signedIn ? SecretPlaceholder : null);
        var attributes = $"agency=\"{HtmlEncoder.Default.Encode(slug)}\"" +
            (secret is null ? "" : $" client-secret=\"{HtmlEncoder.Default.Encode(secret)}\"");
        return $"<script src=\"{HtmlEncoder.Default.Encode(ScriptUrl)}\" defer></script>\n" +
            $"<resellerkit-credits {attributes} style=\"display:block;min-height:22rem\"></resellerkit-credits>";
    }
}
