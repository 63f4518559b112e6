using System.Text.Json.Nodes;
using ResellerKit.Engine.Outbox;

namespace ResellerKit.Storefront.StripeSandbox;

/// <summary>
/// Records a Stripe event and queues its webhook in the same unit of work as the change it reports, stamped with
/// the API version Stripe.net pins, so that EventUtility accepts it.
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
        outbox.Enqueue(Topic, id, evt.ToJsonString());
        return evt;
    }
}
