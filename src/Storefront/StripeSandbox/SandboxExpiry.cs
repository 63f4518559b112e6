using System.Text.Json.Nodes;
using Microsoft.EntityFrameworkCore;
using ResellerKit.Engine.Persistence;

namespace ResellerKit.Storefront.StripeSandbox;

/// <summary>
/// Expires checkout sessions as Stripe does: on request (<c>POST /v1/checkout/sessions/{id}/expire</c>) and by itself
/// once a session is past its <c>expires_at</c> (24 h after it opened), each time with a
/// <c>checkout.session.expired</c> webhook, so that the purchase leaves Pending.
/// </summary>
public sealed class SandboxExpiry(SandboxStore store, SandboxEvents events, EngineDbContext db, TimeProvider clock)
{
    private const string Collection = "checkout.session";
    private const int SweepBatch = 100;

    /// <summary>Marks an open session expired and reports it; the caller checked that it is open.</summary>
    public async Task ExpireAsync(JsonObject session, CancellationToken ct)
    {
        session["status"] = "expired";
        await store.UpdateAsync(Collection, session, ct);
        events.Publish("checkout.session.expired", session, session["_sandbox"]!["account"]!.GetValue<string>());
        await store.SaveAsync(ct);
    }

    /// <summary>
    /// Expires the open sessions past their <c>expires_at</c>; returns how many. Cheap: only sessions opened at least
    /// 24 h ago whose JSON still says open are read, a batch at a time.
    /// </summary>
    public async Task<int> SweepAsync(CancellationToken ct)
    {
        var openedBefore = clock.GetUtcNow() - SessionLifetime;
        var candidates = await db.StoredDocuments.AsNoTracking()
            .Where(d => d.Collection == Collection && d.CreatedAt <= openedBefore && d.Json.Contains("\"status\":\"open\""))
            .OrderBy(d => d.CreatedAt).Select(d => d.Id).Take(SweepBatch).ToListAsync(ct);
        var expired = 0;
        foreach (var id in candidates)
        {
            if (await store.GetAsync(Collection, id, ct) is { } session && session.Text("status") == "open" && session.Number("expires_at") < store.Now)
            {
                await ExpireAsync(session, ct);
                expired++;
            }
        }
        return expired;
    }

    /// <summary>How long a sandbox session stays open, as on Stripe by default.</summary>
    public static readonly TimeSpan SessionLifetime = TimeSpan.FromHours(24);
}
