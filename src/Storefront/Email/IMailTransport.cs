using MimeKit;

namespace ResellerKit.Storefront.Email;

/// <summary>Where a finished message goes: an SMTP server, or a pickup folder.</summary>
public interface IMailTransport
{
    Task DeliverAsync(MimeMessage message, CancellationToken ct);
}
