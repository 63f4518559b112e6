using System.Text.Json.Nodes;
using ResellerKit.Engine.Outbox;
using ResellerKit.Storefront.Payments.Webhooks;

namespace ResellerKit.Storefront.StripeSandbox;

/// <summary>
/// Records a Stripe event and queues its webhook in the same unit of work as the change it reports, stamped with
/// the API version Stripe.net pins, so that EventUtility accepts it. Like a Stripe webhook endpoint, the sandbox's
/// is subscribed to the types ResellerKit acts on (<see cref="StripeWebhookEvents.Enabled"/>): other events are
/// recorded (the events API lists them) but not sent.
/// </summary>
public sealed class SandboxEvents(SandboxStore store, OutboxWriter outbox)
{
    public const string Topic = "stripe-sandbox.event";

    public JsonObject Publish(string type, JsonObject dataObject, string? account)
    {
        var id = SandboxIds.New("evt");
        var evt = new JsonObject
        {
            ["id"] = id,
            ["object"] = "event",
            ["api_version"] = global::Stripe.StripeConfiguration.ApiVersion,
            ["created"] = store.Now,
            ["livemode"] = false,
            ["type"] = type,
            ["account"] = account,
            ["pending_webhooks"] = 1,
            ["request"] = new JsonObject { ["id"] = null, ["idempotency_key"] = null },
            ["data"] = new JsonObject { ["object"] = StripeJson.Public(dataObject) },
        };
        store.Add("event", evt, account);
        if (StripeWebhookEvents.Enabled.Contains(type))
        {
            outbox.Enqueue(Topic, id, evt.ToJsonString());
        }
        return evt;
    }
}
