namespace ResellerKit.Engine.Users;

public enum MembershipRole
{
    Owner,
    Admin,
    Member,
}
