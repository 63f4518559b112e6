using System.Net;
using ResellerKit.Themes.Views;

namespace ResellerKit.Themes.Email;

/// <summary>
/// Wraps a template's body in the email's HTML document and appends the footer to both bodies. The template only
/// supplies the body, so it cannot end the document before the footer; an unclosed HTML comment is closed first.
/// </summary>
internal static class EmailDocument
{
    public static RenderedEmail Compose(string subject, string bodyHtml, string bodyText, RenderedFooter footer, AgencyBrandView shop)
    {
        var body = CloseComment(bodyHtml.Trim());
        var html = $"""
            <!DOCTYPE html>
            <html lang="{WebUtility.HtmlEncode(shop.Locale)}">
            <head><meta charset="utf-8"><meta name="viewport" content="width=device-width,initial-scale=1"><title>{WebUtility.HtmlEncode(subject)}</title></head>
            <body style="margin:0;padding:24px;background:#f3f4f6;color:#111827;font:15px/1.6 Arial,sans-serif">
            <main style="max-width:600px;margin:0 auto;padding:24px;background:#ffffff;border-radius:8px">
            {body}
            </main>
            {footer.Html}
            </body>
            </html>
            """;
        return new RenderedEmail(subject, html, $"{bodyText.Trim()}\n\n{footer.Text}");
    }

    private static string CloseComment(string html) =>
        html.LastIndexOf("<!--", StringComparison.Ordinal) > html.LastIndexOf("-->", StringComparison.Ordinal) ? html + " -->" : html;
}
