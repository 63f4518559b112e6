using System.Diagnostics.CodeAnalysis;
using Microsoft.AspNetCore.Identity;
using ResellerKit.Engine.Common;

namespace ResellerKit.Engine.Users;

/// <summary>
/// Identity's lookup keys (a user's name is its email address) in the form addresses are kept in
/// (<see cref="Input.NormalizeEmail"/>), upper-cased as Identity's default does: an address typed in fullwidth or other
/// compatibility forms finds, and collides with, the plain one, at sign-in, password reset and every other lookup.
/// </summary>
public sealed class EmailLookupNormalizer : ILookupNormalizer
{
    [return: NotNullIfNotNull(nameof(name))]
    public string? NormalizeName(string? name) => name is null ? null : Input.NormalizeEmail(name).ToUpperInvariant();

    [return: NotNullIfNotNull(nameof(email))]
    public string? NormalizeEmail(string? email) => NormalizeName(email);
}
