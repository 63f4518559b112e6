using System.Net;
using Fluid;
using Fluid.Values;
using ResellerKit.Themes.Packages;
using ResellerKit.Themes.Rendering;
using ResellerKit.Themes.Views;

namespace ResellerKit.Themes.Email;

/// <summary>
/// Renders ResellerKit's emails. Each template prints the HTML body and captures <c>subject</c> and <c>text</c> (the
/// plain-text body); the renderer wraps the body and appends the agency's <see cref="EmailFooter"/> itself. An
/// agency's override <c>email/&lt;kind&gt;.liquid</c> is used when it renders; when it fails, the built-in template is
/// used so the email still goes out, and <see cref="RenderedEmail.OverrideError"/> says why. For kinds that carry a
/// credential the template sees neither the link nor the password: the system renders them from the built-in
/// <c>email/credential.liquid</c> and places them where the template printed <c>{{ credential }}</c>.
/// </summary>
public sealed class EmailRenderer(TemplateOptions options, ThemeCache cache, ThemeLimits limits)
{
    public async Task<RenderedEmail> RenderAsync(ThemeSource? agencyTheme, EmailMessageKind kind, EmailView model, CancellationToken ct)
    {
        var path = kind.TemplatePath();
        var footer = EmailFooter.Render(model.Footer with
        {
            UnsubscribeUrl = kind.IsTransactional() ? null : model.UnsubscribeUrl ?? model.Footer.UnsubscribeUrl,
        });
        var credential = kind.CarriesCredential() ? await CredentialAsync(kind, model, ct) : null;
        var templateModel = credential is null ? model : model with { ActionUrl = null, Password = null, Credential = credential.Marker };

        var agencyEmails = ThemeSource.ForEmail(agencyTheme);
        ThemeError? overrideError = null;
        if (agencyEmails.OverriddenPaths.Contains(path))
        {
            var (own, error) = await TryRenderAsync(agencyEmails, path, templateModel, footer, credential, ct);
            if (own is not null)
            {
                return own;
            }

            overrideError = error;
        }

        var (builtIn, builtInError) = await TryRenderAsync(ThemeSource.ForEmail(null), path, templateModel, footer, credential, ct);
        return builtIn is null
            ? throw new InvalidOperationException($"The built-in email template failed: {builtInError}")
            : builtIn with { OverrideError = overrideError };
    }

    private async Task<(RenderedEmail? Email, ThemeError? Error)> TryRenderAsync(
        ThemeSource emails, string path, EmailView model, RenderedFooter footer, CredentialBlock? credential, CancellationToken ct)
    {
        using var session = new RenderSession(options, cache, limits, emails, model, model.Shop, urls: null, ct);
        try
        {
            var body = await session.RenderAsync(path);
            if (!session.Captures.TryGetValue("subject", out var subject) || !session.Captures.TryGetValue("text", out var text))
            {
                return (null, new ThemeError(path, 0, 0, "An email template must capture 'subject' and 'text'."));
            }

            // Captures went through the HTML encoder; the subject and the text body are plain text.
            var plainSubject = WebUtility.HtmlDecode(subject).Trim();
            var plainText = WebUtility.HtmlDecode(text);
            if (credential is not null)
            {
                var (html, placedText, error) = CredentialPlacement.Place(path, plainSubject, body, plainText, credential);
                if (error is not null)
                {
                    return (null, error);
                }

                (body, plainText) = (html!, placedText!);
            }

            return (EmailDocument.Compose(plainSubject, body, plainText, footer, model.Shop), null);
        }
        catch (Exception failure) when (!ct.IsCancellationRequested && failure is not OutOfMemoryException)
        {
            return (null, session.Failure(failure));
        }
    }

    /// <summary>The link (and first password) with the button around it, from the built-in theme only: no agency file takes part.</summary>
    private async Task<CredentialBlock> CredentialAsync(EmailMessageKind kind, EmailView model, CancellationToken ct)
    {
        using var session = new RenderSession(options, cache, limits, ThemeSource.ForEmail(null), model, model.Shop, urls: null, ct);
        session.SetValue("button_key", StringValue.Create(kind.ButtonKey()));
        var html = await session.RenderAsync(CredentialBlock.TemplatePath);
        return new CredentialBlock(CredentialBlock.NewMarker(), html.Trim(), WebUtility.HtmlDecode(session.Captures["text"]).Trim());
    }
}
