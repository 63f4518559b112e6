using System.Security.Cryptography;

namespace ResellerKit.Themes.Email;

/// <summary>
/// The system's part of an email that carries a credential, rendered from the built-in <c>email/credential.liquid</c>
/// with the real link and password, and the random <see cref="Marker"/> the agency's template prints instead.
/// </summary>
internal sealed record CredentialBlock(string Marker, string Html, string Text)
{
    public const string TemplatePath = "email/credential.liquid";

    public static string NewMarker() => "rkcredential" + Convert.ToHexStringLower(RandomNumberGenerator.GetBytes(16));
}
