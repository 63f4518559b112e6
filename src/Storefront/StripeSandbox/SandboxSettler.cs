using System.Text.Json.Nodes;
using ResellerKit.Engine.Outbox;

namespace ResellerKit.Storefront.StripeSandbox;

/// <summary>Settles delayed sandbox payments when their time comes; queued in the outbox, so a restart does not lose them.</summary>
public sealed class SandboxSettler(SandboxPayments payments) : IOutboxHandler
{
    public string Topic => SandboxPayments.SettleTopic;

    public OutboxLane Lane => OutboxLane.Payments;

    public async Task<OutboxOutcome> HandleAsync(OutboxMessage message, CancellationToken ct)
    {
        var settle = JsonNode.Parse(message.Payload)!.AsObject();
        await payments.SettleAsync(settle.Text("account")!, settle.Text("session")!, settle["succeeds"]!.GetValue<bool>(), ct);
        return OutboxOutcome.Delivered;
    }
}
