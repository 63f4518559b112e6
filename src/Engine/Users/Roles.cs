namespace ResellerKit.Engine.Users;

/// <summary>The sign-in roles. What a user may do inside one account is its <see cref="Membership"/>.</summary>
public static class Roles
{
    public const string PlatformAdmin = "platform_admin";
    public const string AgencyOwner = "agency_owner";
    public const string AgencyAdmin = "agency_admin";
    public const string AgencyMember = "agency_member";
    public const string ClientUser = "client_user";

    public static IReadOnlyList<string> All { get; } = [PlatformAdmin, AgencyOwner, AgencyAdmin, AgencyMember, ClientUser];
}
