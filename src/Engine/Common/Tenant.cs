namespace ResellerKit.Engine.Common;

/// <summary>
/// Whose data a caller may touch: one agency, or (for the platform key) every agency. Every query of tenant data
/// is filtered through it, so another tenant's resource looks exactly like a missing one.
/// </summary>
public readonly record struct Tenant(AgencyId? AgencyId)
{
    public static Tenant Platform => new(null);

    public static Tenant Of(AgencyId agencyId) => new(agencyId);

    public bool IsPlatform => AgencyId is null;

    public bool Owns(AgencyId agencyId) => AgencyId is null || AgencyId == agencyId;
}
