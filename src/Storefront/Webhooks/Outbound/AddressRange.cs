using System.Net;

namespace ResellerKit.Storefront.Webhooks.Outbound;

/// <summary>A CIDR block such as <c>10.0.0.0/8</c> or <c>fc00::/7</c>, tagged with what it is.</summary>
internal sealed class AddressRange(string cidr, AddressClass kind)
{
    private readonly byte[] prefix = IPAddress.Parse(cidr[..cidr.IndexOf('/')]).GetAddressBytes();
    private readonly int bits = int.Parse(cidr[(cidr.IndexOf('/') + 1)..], System.Globalization.CultureInfo.InvariantCulture);

    public AddressClass Kind { get; } = kind;

    public bool Contains(ReadOnlySpan<byte> address)
    {
        if (address.Length != prefix.Length)
        {
            return false;
        }
        var whole = bits / 8;
        if (!address[..whole].SequenceEqual(prefix.AsSpan(0, whole)))
        {
            return false;
        }
        var rest = bits % 8;
        if (rest == 0)
        {
            return true;
        }
        var mask = (byte)(0xFF << (8 - rest));
        return (address[whole] & mask) == (prefix[whole] & mask);
    }
}
