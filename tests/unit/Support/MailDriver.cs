using MimeKit;

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
}
