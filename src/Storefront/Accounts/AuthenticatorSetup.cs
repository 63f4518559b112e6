using System.Text;
using QRCoder;

namespace ResellerKit.Storefront.Accounts;

/// <summary>
/// What an authenticator app needs to start producing codes: the <c>otpauth://</c> address (RFC 6238, 6 digits every
/// 30 s, SHA-1, as Identity's authenticator checks them), the same as a QR code drawn here on the server, and the key
/// in groups of four for typing by hand.
/// </summary>
public sealed record AuthenticatorSetup(string Uri, string QrSvg, string KeyForTyping)
{
    public static AuthenticatorSetup For(string issuer, string account, string key)
    {
        var uri = $"otpauth://totp/{Escape(issuer)}:{Escape(account)}?secret={key}&issuer={Escape(issuer)}&digits=6";
        using var generator = new QRCodeGenerator();
        using var data = generator.CreateQrCode(uri, QRCodeGenerator.ECCLevel.Q);
        var svg = new SvgQRCode(data).GetGraphic(4);
        return new AuthenticatorSetup(uri, svg, Grouped(key));
    }

    private static string Escape(string text) => System.Uri.EscapeDataString(text);

    private static string Grouped(string key)
    {
        var grouped = new StringBuilder();
        for (var i = 0; i < key.Length; i += 4)
        {
            grouped.Append(grouped.Length == 0 ? "" : " ").Append(key.AsSpan(i, Math.Min(4, key.Length - i)));
        }
        return grouped.ToString().ToLowerInvariant();
    }
}
