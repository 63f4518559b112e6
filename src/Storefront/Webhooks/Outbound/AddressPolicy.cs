using System.Net;
using System.Net.Sockets;

namespace ResellerKit.Storefront.Webhooks.Outbound;

/// <summary>
/// Decides whether an outbound webhook may connect to an address: public unicast only. IPv6 forms that carry an IPv4
/// address (mapped, compatible, NAT64, 6to4) are judged by the IPv4 address they carry. <c>allowLoopback</c> (tests
/// only, <c>Webhooks:AllowLoopback</c>) lets plain 127.0.0.0/8 and ::1 through, and nothing else.
/// </summary>
public static class AddressPolicy
{
    private static readonly AddressRange[] IPv4 =
    [
        new("0.0.0.0/32", AddressClass.Unspecified),
        new("0.0.0.0/8", AddressClass.ThisNetwork),
        new("10.0.0.0/8", AddressClass.Private),
        new("100.64.0.0/10", AddressClass.SharedAddressSpace),
        new("127.0.0.0/8", AddressClass.Loopback),
        new("169.254.0.0/16", AddressClass.LinkLocal),
        new("172.16.0.0/12", AddressClass.Private),
        new("192.0.0.0/24", AddressClass.Reserved),
        new("192.0.2.0/24", AddressClass.Documentation),
        new("192.88.99.0/24", AddressClass.Reserved),
        new("192.168.0.0/16", AddressClass.Private),
        new("198.18.0.0/15", AddressClass.Benchmarking),
        new("198.51.100.0/24", AddressClass.Documentation),
        new("203.0.113.0/24", AddressClass.Documentation),
        new("224.0.0.0/4", AddressClass.Multicast),
        new("255.255.255.255/32", AddressClass.Broadcast),
        new("240.0.0.0/4", AddressClass.Reserved),
    ];

    /// <summary>First match wins. Anything outside 2000::/3 (global unicast) is reserved.</summary>
    private static readonly AddressRange[] IPv6 =
    [
        new("2001::/32", AddressClass.Teredo),
        new("2001:2::/48", AddressClass.Benchmarking),
        new("2001::/23", AddressClass.Reserved),
        new("2001:db8::/32", AddressClass.Documentation),
        new("3fff::/20", AddressClass.Documentation),
        new("fc00::/7", AddressClass.UniqueLocal),
        new("fe80::/10", AddressClass.LinkLocal),
        new("fec0::/10", AddressClass.SiteLocal),
        new("ff00::/8", AddressClass.Multicast),
    ];

    private static readonly AddressRange GlobalUnicast = new("2000::/3", AddressClass.Public);
    private static readonly AddressRange Nat64 = new("64:ff9b::/96", AddressClass.Public);
    private static readonly AddressRange SixToFour = new("2002::/16", AddressClass.Public);

    public static AddressVerdict Check(IPAddress address, bool allowLoopback = false)
    {
        var bytes = address.GetAddressBytes();
        if (address.AddressFamily == AddressFamily.InterNetwork)
        {
            var kind = ClassifyIPv4(bytes);
            return new(address, kind, kind == AddressClass.Public || (allowLoopback && kind == AddressClass.Loopback));
        }
        if (address.AddressFamily != AddressFamily.InterNetworkV6)
        {
            return new(address, AddressClass.Reserved, false);
        }
        return CheckIPv6(address, bytes, allowLoopback);
    }

    private static AddressVerdict CheckIPv6(IPAddress address, byte[] bytes, bool allowLoopback)
    {
        if (bytes.AsSpan(0, 12).IndexOfAnyExcept((byte)0) < 0)
        {
            return bytes.AsSpan(12).SequenceEqual(new byte[] { 0, 0, 0, 0 }) ? new(address, AddressClass.Unspecified, false)
                : bytes.AsSpan(12).SequenceEqual(new byte[] { 0, 0, 0, 1 }) ? new(address, AddressClass.Loopback, allowLoopback)
                : Embedded(address, bytes.AsSpan(12, 4), deprecatedForm: true);
        }
        if (address.IsIPv4MappedToIPv6 || Nat64.Contains(bytes))
        {
            return Embedded(address, bytes.AsSpan(12, 4), deprecatedForm: false);
        }
        if (SixToFour.Contains(bytes))
        {
            return Embedded(address, bytes.AsSpan(2, 4), deprecatedForm: false);
        }
        foreach (var range in IPv6)
        {
            if (range.Contains(bytes))
            {
                return new(address, range.Kind, false);
            }
        }
        return GlobalUnicast.Contains(bytes) ? new(address, AddressClass.Public, true) : new(address, AddressClass.Reserved, false);
    }

    /// <summary>
    /// Judged by the IPv4 address inside. Loopback stays refused even with allowLoopback. The deprecated
    /// IPv4-compatible form (::a.b.c.d) has no legitimate use, so it is refused even around a public address.
    /// </summary>
    private static AddressVerdict Embedded(IPAddress address, ReadOnlySpan<byte> ipv4, bool deprecatedForm)
    {
        var inner = new IPAddress(ipv4);
        var kind = ClassifyIPv4(ipv4);
        if (kind == AddressClass.Public && deprecatedForm)
        {
            kind = AddressClass.Reserved;
        }
        return new(address, kind, kind == AddressClass.Public, inner);
    }

    private static AddressClass ClassifyIPv4(ReadOnlySpan<byte> bytes)
    {
        foreach (var range in IPv4)
        {
            if (range.Contains(bytes))
            {
                return range.Kind;
            }
        }
        return AddressClass.Public;
    }
}
