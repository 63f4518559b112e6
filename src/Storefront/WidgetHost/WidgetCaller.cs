using System.Security.Claims;

namespace ResellerKit.Storefront.WidgetHost;

/// <summary>
/// Where a widget circuit was opened from: the embedding page's origin as the browser stated it, whether that is the
/// storefront's own origin, and which agency's allow-list <see cref="WidgetOriginGate"/> checked it against. The gate
/// puts it on the connection's principal; the circuit reads it back through its authentication state, because circuit
/// handlers do not run for circuits that only hold JavaScript-added root components.
/// </summary>
public sealed record WidgetCaller(string? Origin, bool OwnOrigin, string? Agency)
{
    private const string OriginClaim = "rk:widget-origin";
    private const string OwnClaim = "rk:widget-own";
    private const string AgencyClaim = "rk:widget-agency";
    private const string AuthenticationType = "ResellerKit.WidgetOrigin";

    public static WidgetCaller Nobody { get; } = new(null, false, null);

    public ClaimsPrincipal ToPrincipal()
    {
        List<Claim> claims = [new(OwnClaim, OwnOrigin ? "true" : "false")];
        if (Origin is not null) claims.Add(new(OriginClaim, Origin));
        if (Agency is not null) claims.Add(new(AgencyClaim, Agency));
        return new ClaimsPrincipal(new ClaimsIdentity(claims, AuthenticationType));
    }

    public static WidgetCaller From(ClaimsPrincipal user) =>
        user.Identities.FirstOrDefault(i => i.AuthenticationType == AuthenticationType) is { } identity
            ? new(identity.FindFirst(OriginClaim)?.Value, identity.FindFirst(OwnClaim)?.Value == "true", identity.FindFirst(AgencyClaim)?.Value)
            : Nobody;

    /// <summary>Whether this circuit may show the agency's widget at all (the allow-list is checked again on every call).</summary>
    public bool MayEmbed(string agency) => OwnOrigin || (Origin is not null && string.Equals(Agency, agency, StringComparison.Ordinal));
}
