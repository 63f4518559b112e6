using System.Text.Json;
using ResellerKit.Engine.Outbox;

namespace ResellerKit.Engine.Notifications;

/// <summary>Queues emails in the caller's unit of work, so that a crash can neither lose one nor send one for a change that rolled back.</summary>
public sealed class Mailer(OutboxWriter outbox)
{
    public const string Topic = "email";

    public static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web);

    public void Send(EmailRequest email) =>
        outbox.Enqueue(Topic, $"mail-{Guid.CreateVersion7():N}", JsonSerializer.Serialize(email, Json), email.AgencyId,
            sensitive: email.Password is not null);
}
