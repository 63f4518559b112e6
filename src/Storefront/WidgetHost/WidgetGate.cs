using Microsoft.EntityFrameworkCore;
using ResellerKit.Engine.Agencies;
using ResellerKit.Engine.Common;
using ResellerKit.Engine.Embedding;
using ResellerKit.Engine.Persistence;
using ResellerKit.Engine.SubAccounts;
using ResellerKit.Widget.Data;

namespace ResellerKit.Storefront.WidgetHost;

/// <summary>
/// Decides, on every widget call, what the caller may see: the agency must exist and allow the embedding origin, and
/// the client secret must verify, belong to that agency and match a live session. Anything less is signed out; a
/// secret never shows another agency's or another client's data.
/// </summary>
public sealed class WidgetGate(EngineDbContext db, WidgetOrigins origins, WidgetSessions sessions, ClientSecrets secrets)
{
    public const string NotAllowedHere = "These credits cannot be shown on this site. The agency has not allowed it.";
    public const string SessionEnded = "Your session has ended or is not valid here. Sign in to see your balance and buy credits.";

    public async Task<WidgetAccess> CheckAsync(WidgetCaller caller, WidgetRequest request, CancellationToken ct)
    {
        var agency = request.Agency.Length is > 0 and <= 40
            ? await db.Agencies.AsNoTracking().SingleOrDefaultAsync(a => a.Slug == request.Agency && a.Status == AgencyStatus.Active, ct)
            : null;
        if (agency is null)
        {
            return WidgetAccess.Unavailable("These credits are not available.");
        }
        if (!caller.MayEmbed(agency.Slug) || (!caller.OwnOrigin && !await origins.IsAllowedAsync(agency.Id, caller.Origin!, ct)))
        {
            return WidgetAccess.Unavailable(NotAllowedHere);
        }
        if (string.IsNullOrEmpty(request.ClientSecret))
        {
            return new WidgetAccess(WidgetStatus.SignedOut, agency, null, null);
        }
        var client = await ClientAsync(agency, request.ClientSecret, ct);
        return client is null
            ? new WidgetAccess(WidgetStatus.SignedOut, agency, null, SessionEnded)
            : new WidgetAccess(client.Paused ? WidgetStatus.Paused : WidgetStatus.Ready, agency, client, null);
    }

    private async Task<SubAccount?> ClientAsync(Agency agency, string secret, CancellationToken ct)
    {
        if (await secrets.ReadAsync(secret, ct) is not { } claims || claims.AgencyId != agency.Id)
        {
            return null;
        }
        var session = await sessions.ActiveAsync(agency.Id, claims.SessionId, ct);
        if (session is null || session.SubAccountId != claims.SubAccountId)
        {
            return null;
        }
        return await db.SubAccounts.AsNoTracking().WithSpecification(new SubAccountByIdSpec(Tenant.Of(agency.Id), session.SubAccountId))
            .SingleOrDefaultAsync(ct);
    }
}
