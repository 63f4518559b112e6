using System.Text.Json;
using ResellerKit.Engine.Common;

namespace ResellerKit.Engine.Audit;

/// <summary>An account lifecycle or money event: who, on what, when, and what changed. Append-only.</summary>
public sealed class AuditEvent
{
    private AuditEvent()
    {
    }

    public long Id { get; private set; }

    public AgencyId AgencyId { get; private set; }

    public SubAccountId? SubAccountId { get; private set; }

    public string ActorId { get; private set; } = "";

    public string ActorName { get; private set; } = "";

    public string? RealActorId { get; private set; }

    public string Action { get; private set; } = "";

    /// <summary>What changed, as JSON: <c>{ "field": { "from": ..., "to": ... } }</c> or a free-form object.</summary>
    public string? Changes { get; private set; }

    public DateTimeOffset At { get; private set; }

    public static AuditEvent Record(
        Actor actor, string action, AgencyId agencyId, SubAccountId? subAccountId, object? changes, DateTimeOffset now) => new()
    {
        AgencyId = agencyId,
        SubAccountId = subAccountId,
        ActorId = actor.Id,
        ActorName = actor.Name,
        RealActorId = actor.RealActorId,
        Action = action,
        Changes = changes is null ? null : JsonSerializer.Serialize(changes, JsonSerializerOptions.Web),
        At = now,
    };
}
