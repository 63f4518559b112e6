namespace ResellerKit.Tests.Unit.Support;

/// <summary>The app resolving custom-domain TXT records through a real DNS server on loopback (<see cref="LoopbackDns"/>).</summary>
public sealed class DnsApi() : ApiFixture(ResellerKit.Engine.Persistence.DatabaseProvider.Sqlite)
{
    public LoopbackDns Dns { get; } = new();

    protected override IReadOnlyDictionary<string, string> Settings => new Dictionary<string, string>
    {
        ["ResellerKit:Dns:Servers"] = Dns.Endpoint,
    };

    public override async ValueTask DisposeAsync()
    {
        await Dns.DisposeAsync();
        await base.DisposeAsync();
    }
}
