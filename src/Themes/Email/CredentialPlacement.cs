using AngleSharp.Dom;
using AngleSharp.Html.Parser;
using ResellerKit.Themes.Rendering;

namespace ResellerKit.Themes.Email;

/// <summary>
/// Puts the system's credential block where an email template printed <c>{{ credential }}</c>, and only where that is
/// safe. The body is parsed as a browser would parse it, so the marker counts only as plain text: inside an attribute, a
/// URL, a comment, a style or a link it would carry the secret elsewhere, and the template is refused. Elements that
/// could send the page's content away on their own (styles with selectors, scripts, forms, frames) are removed from
/// emails that carry a credential. Without a marker, the block goes at the end of the body.
/// </summary>
internal static class CredentialPlacement
{
    private const string Removed = "script, style, link, meta, base, iframe, frame, frameset, object, embed, form, input, textarea, button, select, svg, math, template, noscript, audio, video, source, track";

    /// <summary>Elements whose text must not hold the block: it would become a link, a title or a form value.</summary>
    private static readonly HashSet<string> NoBlockInside = new(StringComparer.OrdinalIgnoreCase) { "a", "title", "option", "label", "summary", "caption", "th", "h1", "h2", "h3", "h4", "h5", "h6" };

    public static (string? Html, string? Text, ThemeError? Error) Place(string path, string subject, string html, string text, CredentialBlock block)
    {
        if (subject.Contains(block.Marker, StringComparison.Ordinal))
        {
            return Refused(path, "The subject may not contain {{ credential }}.");
        }

        var placedText = PlaceInText(text, block);
        if (placedText is null)
        {
            return Refused(path, "Print {{ credential }} at most once in the text part.");
        }

        var parser = new HtmlParser();
        var document = parser.ParseDocument("<!DOCTYPE html><html><body></body></html>");
        var body = document.Body!;
        foreach (var node in parser.ParseFragment(html, body).ToList())
        {
            body.AppendChild(node);
        }

        foreach (var element in body.QuerySelectorAll(Removed).ToList())
        {
            element.Remove();
        }

        var marked = new List<IText>();
        foreach (var node in body.Descendants())
        {
            var outside = node switch
            {
                IElement element => element.Attributes.Any(a => a.Value.Contains(block.Marker, StringComparison.Ordinal) || a.Name.Contains(block.Marker, StringComparison.Ordinal)),
                IComment comment => comment.Data.Contains(block.Marker, StringComparison.Ordinal),
                _ => false,
            };
            if (outside)
            {
                return Refused(path, "{{ credential }} may only be printed as text, never inside a tag, an attribute or a comment.");
            }

            if (node is IText textNode && textNode.Data.Contains(block.Marker, StringComparison.Ordinal))
            {
                marked.Add(textNode);
            }
        }

        if (marked.Count > 1 || marked.Any(t => t.Data.IndexOf(block.Marker, StringComparison.Ordinal) != t.Data.LastIndexOf(block.Marker, StringComparison.Ordinal)))
        {
            return Refused(path, "Print {{ credential }} at most once in the HTML part.");
        }

        if (marked.Count == 1 && marked[0].Ancestors<IElement>().Any(e => NoBlockInside.Contains(e.LocalName)))
        {
            return Refused(path, "{{ credential }} may not be inside a link, a heading or a title.");
        }

        var blockNodes = parser.ParseFragment(block.Html, body).ToList();
        if (marked.Count == 0)
        {
            foreach (var node in blockNodes)
            {
                body.AppendChild(node);
            }
        }
        else
        {
            var at = marked[0];
            var split = at.Data.IndexOf(block.Marker, StringComparison.Ordinal);
            var after = document.CreateTextNode(at.Data[(split + block.Marker.Length)..]);
            at.Data = at.Data[..split];
            at.After([.. blockNodes, after]);
        }

        return (body.InnerHtml, placedText, null);
    }

    private static string? PlaceInText(string text, CredentialBlock block)
    {
        var first = text.IndexOf(block.Marker, StringComparison.Ordinal);
        if (first < 0)
        {
            return text.TrimEnd() + "\n\n" + block.Text;
        }

        return first != text.LastIndexOf(block.Marker, StringComparison.Ordinal)
            ? null
            : text[..first] + block.Text + text[(first + block.Marker.Length)..];
    }

    private static (string?, string?, ThemeError) Refused(string path, string message) =>
        (null, null, new ThemeError(path, 0, 0, message + " The built-in template was used instead."));
}
