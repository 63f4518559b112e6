using Microsoft.AspNetCore.Identity;
using ResellerKit.Engine.Common;

namespace ResellerKit.Engine.Users;

/// <summary>A person who signs in: platform staff, agency staff, or a client user.</summary>
public sealed class User : IdentityUser<Guid>
{
    /// <summary>
    /// How long a reset, invitation or credential link works: Identity's token lifespan (one day, its default), named
    /// here so that every email tells the truth about it.
    /// </summary>
    public static readonly TimeSpan CredentialLinkLifetime = TimeSpan.FromDays(1);

    public string DisplayName { get; set; } = "";

    public DateTimeOffset CreatedAt { get; set; }

    public static User Create(string email, string displayName, DateTimeOffset now) => new()
    {
        Id = Guid.CreateVersion7(),
        UserName = Input.NormalizeEmail(email),
        Email = Input.NormalizeEmail(email),
        DisplayName = displayName.Trim(),
        CreatedAt = now,
        SecurityStamp = Guid.NewGuid().ToString("N"),
    };
}
