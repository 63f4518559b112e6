using ResellerKit.Engine.Common;

namespace ResellerKit.Engine.Users;

/// <summary>
/// A role and areas as chosen in a form or a request (both reported on "role", where the role picker shows its
/// errors). Form binding takes any number for an enum ("7"), so a value
/// that names no role, or areas outside the known ones, is refused here, before a rule compares roles.
/// </summary>
public static class RoleChoice
{
    public static Error? Check(MembershipRole role, Areas areas) => new FieldErrors()
        .When(!Enum.IsDefined(role), "role", "Choose a role: Owner, Admin or Member.")
        .When((areas & ~Areas.All) != 0, "role", "Choose areas from the list.") is { Any: true } invalid ? invalid.ToError() : null;
}
