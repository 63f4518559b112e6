using System.Net;
using ResellerKit.Storefront.Webhooks.Outbound;

namespace ResellerKit.Tests.Unit.Webhooks;

public sealed class AddressPolicyTests
{
    [Theory]
    [InlineData("8.8.8.8")]
    [InlineData("1.1.1.1")]
    [InlineData("93.184.216.34")]
    [InlineData("172.15.255.255")]
    [InlineData("172.32.0.0")]
    [InlineData("100.63.255.255")]
    [InlineData("100.128.0.0")]
    [InlineData("169.253.255.255")]
    [InlineData("198.17.255.255")]
    [InlineData("198.20.0.0")]
    [InlineData("192.0.3.1")]
    [InlineData("223.255.255.255")]
    [InlineData("2606:4700:4700::1111")]
    [InlineData("2a00:1450:4001:82b::200e")]
    [InlineData("::ffff:8.8.8.8")]
    [InlineData("64:ff9b::808:808")]
    [InlineData("2002:808:808::1")]
    public void Check_PublicUnicast_Allowed(string address)
    {
        var verdict = AddressPolicy.Check(IPAddress.Parse(address));

        verdict.IsAllowed.ShouldBeTrue(verdict.Description);
        verdict.Class.ShouldBe(AddressClass.Public);
    }

    [Theory]
    [InlineData("127.0.0.1", AddressClass.Loopback)]
    [InlineData("127.255.255.254", AddressClass.Loopback)]
    [InlineData("::1", AddressClass.Loopback)]
    [InlineData("10.0.0.1", AddressClass.Private)]
    [InlineData("10.255.255.255", AddressClass.Private)]
    [InlineData("172.16.0.1", AddressClass.Private)]
    [InlineData("172.31.255.255", AddressClass.Private)]
    [InlineData("192.168.1.1", AddressClass.Private)]
    [InlineData("169.254.169.254", AddressClass.LinkLocal)]
    [InlineData("169.254.0.1", AddressClass.LinkLocal)]
    [InlineData("fe80::1", AddressClass.LinkLocal)]
    [InlineData("fe80::1%2", AddressClass.LinkLocal)]
    [InlineData("febf:ffff::1", AddressClass.LinkLocal)]
    [InlineData("100.64.0.1", AddressClass.SharedAddressSpace)]
    [InlineData("100.127.255.255", AddressClass.SharedAddressSpace)]
    [InlineData("224.0.0.1", AddressClass.Multicast)]
    [InlineData("239.255.255.250", AddressClass.Multicast)]
    [InlineData("ff02::1", AddressClass.Multicast)]
    [InlineData("0.0.0.0", AddressClass.Unspecified)]
    [InlineData("::", AddressClass.Unspecified)]
    [InlineData("0.1.2.3", AddressClass.ThisNetwork)]
    [InlineData("255.255.255.255", AddressClass.Broadcast)]
    [InlineData("198.18.0.1", AddressClass.Benchmarking)]
    [InlineData("198.19.255.255", AddressClass.Benchmarking)]
    [InlineData("192.0.2.1", AddressClass.Documentation)]
    [InlineData("198.51.100.7", AddressClass.Documentation)]
    [InlineData("203.0.113.9", AddressClass.Documentation)]
    [InlineData("2001:db8::1", AddressClass.Documentation)]
    [InlineData("3fff::1", AddressClass.Documentation)]
    [InlineData("240.0.0.1", AddressClass.Reserved)]
    [InlineData("254.1.2.3", AddressClass.Reserved)]
    [InlineData("192.0.0.170", AddressClass.Reserved)]
    [InlineData("fc00::1", AddressClass.UniqueLocal)]
    [InlineData("fd12:3456:789a::1", AddressClass.UniqueLocal)]
    [InlineData("fec0::1", AddressClass.SiteLocal)]
    [InlineData("2001:0:4136:e378:8000:63bf:3fff:fdd2", AddressClass.Teredo)]
    [InlineData("100::1", AddressClass.Reserved)]
    [InlineData("64:ff9b:1::a00:1", AddressClass.Reserved)]
    [InlineData("4000::1", AddressClass.Reserved)]
    public void Check_NonPublicAddress_RefusedWithItsClass(string address, AddressClass expected)
    {
        var verdict = AddressPolicy.Check(IPAddress.Parse(address));

        verdict.Class.ShouldBe(expected);
        verdict.IsAllowed.ShouldBeFalse();
    }

    /// <summary>IPv6 spellings of a refused IPv4 address are judged by the IPv4 address they carry.</summary>
    [Theory]
    [InlineData("::ffff:127.0.0.1", "127.0.0.1", AddressClass.Loopback)]
    [InlineData("::ffff:10.0.0.1", "10.0.0.1", AddressClass.Private)]
    [InlineData("::ffff:a9fe:a9fe", "169.254.169.254", AddressClass.LinkLocal)]
    [InlineData("::ffff:0.0.0.0", "0.0.0.0", AddressClass.Unspecified)]
    [InlineData("::127.0.0.1", "127.0.0.1", AddressClass.Loopback)]
    [InlineData("::10.0.0.1", "10.0.0.1", AddressClass.Private)]
    [InlineData("::8.8.8.8", "8.8.8.8", AddressClass.Reserved)]
    [InlineData("64:ff9b::7f00:1", "127.0.0.1", AddressClass.Loopback)]
    [InlineData("64:ff9b::a9fe:a9fe", "169.254.169.254", AddressClass.LinkLocal)]
    [InlineData("64:ff9b::c0a8:101", "192.168.1.1", AddressClass.Private)]
    [InlineData("2002:7f00:1::1", "127.0.0.1", AddressClass.Loopback)]
    [InlineData("2002:a00:1::", "10.0.0.1", AddressClass.Private)]
    [InlineData("2002:6440:1::", "100.64.0.1", AddressClass.SharedAddressSpace)]
    public void Check_IPv4EmbeddedInIPv6_ClassifiesTheEmbeddedAddress(string address, string embedded, AddressClass expected)
    {
        var verdict = AddressPolicy.Check(IPAddress.Parse(address));

        verdict.Class.ShouldBe(expected);
        verdict.IsAllowed.ShouldBeFalse();
        verdict.EmbeddedIPv4.ShouldBe(IPAddress.Parse(embedded));
    }

    [Theory]
    [InlineData("127.0.0.1")]
    [InlineData("127.8.9.10")]
    [InlineData("::1")]
    public void Check_LoopbackWithAllowLoopback_Allowed(string address)
    {
        AddressPolicy.Check(IPAddress.Parse(address), allowLoopback: true).IsAllowed.ShouldBeTrue();
    }

    [Theory]
    [InlineData("10.0.0.1")]
    [InlineData("169.254.169.254")]
    [InlineData("0.0.0.0")]
    [InlineData("::")]
    [InlineData("::ffff:127.0.0.1")]
    [InlineData("64:ff9b::7f00:1")]
    [InlineData("fd00::1")]
    [InlineData("fe80::1")]
    public void Check_OtherNonPublicWithAllowLoopback_StillRefused(string address)
    {
        AddressPolicy.Check(IPAddress.Parse(address), allowLoopback: true).IsAllowed.ShouldBeFalse();
    }

    [Fact]
    public void Description_MappedPrivateAddress_NamesBothSpellings()
    {
        var verdict = AddressPolicy.Check(IPAddress.Parse("::ffff:10.0.0.5"));

        verdict.Description.ShouldBe("a private network address (10.0.0.5, written as ::ffff:10.0.0.5)");
    }
}
