using Microsoft.Extensions.Options;
using MimeKit;

namespace ResellerKit.Storefront.Email;

/// <summary>
/// Writes each message as <c>&lt;message-id&gt;.eml</c>, atomically (a temp file, then a rename), so that a reader never
/// sees half a message and a redelivery after a crash replaces the same file instead of adding a second.
/// </summary>
public sealed class PickupFolderTransport(IOptions<EmailOptions> options) : IMailTransport
{
    public string Folder => Path.GetFullPath(options.Value.PickupDirectory);

    public async Task DeliverAsync(MimeMessage message, CancellationToken ct)
    {
        Directory.CreateDirectory(Folder);
        var name = string.Concat((message.MessageId ?? Guid.NewGuid().ToString("N")).Where(ch => char.IsLetterOrDigit(ch) || ch is '-' or '_'));
        var final = Path.Combine(Folder, name + ".eml");
        var temporary = Path.Combine(Folder, $".{name}.{Guid.NewGuid():N}.tmp");
        // Formatted in memory, then written in one go: MimeKit writing straight to the file flushed it in many small
        // asynchronous writes, which cost more CPU than composing the email (measured under the P4 bench).
        using var formatted = new MemoryStream();
        message.WriteTo(formatted, ct);
        await File.WriteAllBytesAsync(temporary, formatted.GetBuffer().AsMemory(0, (int)formatted.Length), ct);
        File.Move(temporary, final, overwrite: true);
    }
}
