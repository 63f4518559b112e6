using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using MimeKit;
using ResellerKit.Engine.Notifications;
using ResellerKit.Engine.Persistence;

namespace ResellerKit.Tests.Unit.Support;

/// <summary>Reads the emails the app wrote to the pickup folder, as any mail client would.</summary>
public static class MailDriver
{
    public static async Task<MimeMessage> WaitForMailAsync(this ApiFixture api, string to, Func<MimeMessage, bool>? match = null)
    {
        var found = await Eventually.ReturnsAsync(async () =>
        {
            foreach (var file in Directory.GetFiles(api.MailFolder, "*.eml"))
            {
                var message = await MimeMessage.LoadAsync(file, Ct);
                if (message.To.Mailboxes.Any(m => m.Address.Equals(to, StringComparison.OrdinalIgnoreCase)) && (match?.Invoke(message) ?? true))
                {
                    return message;
                }
            }
            return null;
        }, m => m is not null);
        return found ?? throw new ShouldAssertException($"No email to {to} arrived in {api.MailFolder}.");
    }

    /// <summary>The emails queued in the outbox that match, read as the dispatcher reads them (sent or not yet).</summary>
    public static async Task<int> QueuedEmailsAsync(this ApiFixture api, Func<EmailRequest, bool> match)
    {
        await using var scope = api.Services.CreateAsyncScope();
        var payloads = await scope.ServiceProvider.GetRequiredService<EngineDbContext>().OutboxMessages.AsNoTracking()
            .Where(m => m.Topic == Mailer.Topic).Select(m => m.Payload).ToListAsync(Ct);
        return payloads.Select(p => JsonSerializer.Deserialize<EmailRequest>(p, Mailer.Json)).Count(e => e is not null && match(e));
    }

    public static Task<int> QueuedEmailsAsync(this ApiFixture api, string to, EmailKind kind) =>
        api.QueuedEmailsAsync(e => e.Kind == kind && e.To.Equals(to, StringComparison.OrdinalIgnoreCase));
}
