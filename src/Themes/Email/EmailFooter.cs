using System.Net;
using System.Text;
using ResellerKit.Themes.Views;

namespace ResellerKit.Themes.Email;

/// <summary>
/// The one component that renders an agency's email footer: display name, logo, postal address, support email,
/// custom text and, when given, the unsubscribe link. Written in code, not Liquid, so no theme can change or drop it;
/// every value is escaped.
/// </summary>
public static class EmailFooter
{
    public static RenderedFooter Render(FooterView footer) => new(Html(footer), Text(footer));

    private static string Html(FooterView footer)
    {
        var html = new StringBuilder();
        html.Append("<footer role=\"contentinfo\" style=\"display:block!important;max-width:600px;margin:32px auto 0;padding:16px 0;")
            .Append("border-top:1px solid #d1d5db;font:13px/1.5 Arial,sans-serif;color:#374151;text-align:center\">");
        if (IsHttps(footer.LogoUrl))
        {
            html.Append($"<img src=\"{E(footer.LogoUrl!)}\" alt=\"{E(footer.DisplayName)}\" height=\"32\" style=\"height:32px\"><br>");
        }

        html.Append($"<strong>{E(footer.DisplayName)}</strong><br>");
        foreach (var line in Lines(footer.PostalAddress))
        {
            html.Append(E(line)).Append("<br>");
        }

        if (!string.IsNullOrWhiteSpace(footer.SupportEmail))
        {
            html.Append($"<a href=\"mailto:{E(footer.SupportEmail)}\" style=\"color:#1d4ed8\">{E(footer.SupportEmail)}</a>");
        }
        if (!string.IsNullOrWhiteSpace(footer.CustomText))
        {
            html.Append($"<p style=\"margin:8px 0 0\">{E(footer.CustomText)}</p>");
        }

        if (!string.IsNullOrWhiteSpace(footer.UnsubscribeUrl))
        {
            html.Append($"<p style=\"margin:8px 0 0\"><a href=\"{E(footer.UnsubscribeUrl)}\" style=\"color:#1d4ed8\">Unsubscribe</a></p>");
        }

        return html.Append("</footer>").ToString();
    }

    private static string Text(FooterView footer)
    {
        var text = new StringBuilder().AppendLine("--").AppendLine(footer.DisplayName);
        foreach (var line in Lines(footer.PostalAddress))
        {
            text.AppendLine(line);
        }

        if (!string.IsNullOrWhiteSpace(footer.SupportEmail))
        {
            text.AppendLine(footer.SupportEmail);
        }
        if (!string.IsNullOrWhiteSpace(footer.CustomText))
        {
            text.AppendLine().AppendLine(footer.CustomText.Trim());
        }

        if (!string.IsNullOrWhiteSpace(footer.UnsubscribeUrl))
        {
            text.AppendLine().AppendLine($"Unsubscribe: {footer.UnsubscribeUrl}");
        }

        return text.ToString();
    }

    private static IEnumerable<string> Lines(string? text) =>
        (text ?? "").Split('\n').Select(l => l.Trim()).Where(l => l.Length > 0);

    private static bool IsHttps(string? url) =>
        Uri.TryCreate(url, UriKind.Absolute, out var uri) && uri.Scheme == Uri.UriSchemeHttps;

    private static string E(string value) => WebUtility.HtmlEncode(value);
}
