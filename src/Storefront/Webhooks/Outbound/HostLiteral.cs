using System.Diagnostics.CodeAnalysis;
using System.Net;

namespace ResellerKit.Storefront.Webhooks.Outbound;

/// <summary>
/// Reads a host that is really an IP address, in every spelling the OS resolver accepts: <c>2130706433</c>,
/// <c>0177.0.0.1</c>, <c>0x7f.1</c>, a trailing dot, <c>[::1]</c>, <c>fe80::1%25eth0</c>. The zone id is dropped: it
/// only matters for link-local addresses, which are refused anyway.
/// </summary>
internal static class HostLiteral
{
    public static bool TryParse(string host, [NotNullWhen(true)] out IPAddress? address)
    {
        var text = host.Trim();
        if (text.StartsWith('[') && text.EndsWith(']'))
        {
            text = text[1..^1];
        }
        if (text.Contains(':') && text.IndexOf('%') is var zone and >= 0)
        {
            text = text[..zone];
        }
        else if (text.EndsWith('.'))
        {
            text = text[..^1];
        }
        address = null;
        return text.Length > 0 && IPAddress.TryParse(text, out address);
    }
}
