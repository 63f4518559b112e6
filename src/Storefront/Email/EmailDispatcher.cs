using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using MimeKit;
using ResellerKit.Engine.Notifications;
using ResellerKit.Engine.Outbox;
using ResellerKit.Engine.Persistence;

namespace ResellerKit.Storefront.Email;

/// <summary>
/// Delivers queued emails: composes, builds a multipart (text and HTML) message whose Message-Id is the outbox
/// message id (so a receiver can drop a redelivery), and hands it to SMTP or the pickup folder.
/// </summary>
public sealed class EmailDispatcher(
    EmailComposer composer, IMailTransport transport, EngineDbContext db, IOptions<EmailOptions> options, TimeProvider clock, ILogger<EmailDispatcher> logger)
    : IOutboxHandler
{
    public const int MaxAttempts = 12;

    public string Topic => Mailer.Topic;

    /// <summary>A mail server cannot drop a repeat by the message id, so a sent email is marked at once.</summary>
    public bool MarkedAtOnce => true;

    public async Task<OutboxOutcome> HandleAsync(OutboxMessage message, CancellationToken ct)
    {
        var request = JsonSerializer.Deserialize<EmailRequest>(message.Payload, Mailer.Json)
            ?? throw new InvalidOperationException($"Outbox message {message.MessageId} is not an email request.");
        var composed = await composer.ComposeAsync(request, ct);
        if (composed.Rendered.OverrideError is { } broken)
        {
            logger.LogWarning("The agency's template for {Kind} failed ({Error}); the built-in template was used", request.Kind, broken);
        }
        if (!composed.Transactional && request.AgencyId is { } agencyId
            && await db.EmailOptOuts.AnyAsync(o => o.AgencyId == agencyId && o.Email == Engine.Common.Input.NormalizeEmail(request.To), ct))
        {
            logger.LogInformation("{To} unsubscribed from {Kind}; not sent", request.To, request.Kind);
            return OutboxOutcome.Delivered;
        }
        try
        {
            await transport.DeliverAsync(Build(message, request, composed), ct);
            return OutboxOutcome.Delivered;
        }
        catch (Exception e) when (e is not OperationCanceledException && message.Attempts < MaxAttempts)
        {
            logger.LogWarning(e, "Sending email {MessageId} failed (attempt {Attempt})", message.MessageId, message.Attempts);
            return OutboxOutcome.RetryAt(clock.GetUtcNow() + Backoff.For(message.Attempts), e.Message);
        }
    }

    /// <summary>Names the email's kind for filters and tests; neutral, since clients can read their emails' headers.</summary>
    public const string KindHeader = "X-Email-Kind";

    private MimeMessage Build(OutboxMessage outbox, EmailRequest request, ComposedEmail composed)
    {
        var from = options.Value;
        var message = new MimeMessage
        {
            MessageId = $"{outbox.MessageId}@{MailboxAddress.Parse(from.FromAddress).Domain}", // the sender's domain, as RFC 5322 suggests
            Subject = composed.Rendered.Subject,
            Body = new BodyBuilder { TextBody = composed.Rendered.Text, HtmlBody = composed.Rendered.Html }.ToMessageBody(),
        };
        message.From.Add(new MailboxAddress(composed.Agency?.PublicName ?? from.FromName, from.FromAddress));
        if (composed.ReplyTo is { Length: > 0 } replyTo)
        {
            message.ReplyTo.Add(MailboxAddress.Parse(replyTo)); // no support email set: replies go nowhere rather than to the owner's login
        }
        message.To.Add(new MailboxAddress(request.ToName, request.To));
        message.Headers.Add(KindHeader, request.Kind.ToString());
        if (composed.UnsubscribeUrl is { } unsubscribe)
        {
            message.Headers.Add(HeaderId.ListUnsubscribe, $"<{unsubscribe}>");
            message.Headers.Add("List-Unsubscribe-Post", "List-Unsubscribe=One-Click");
        }
        return message;
    }
}
