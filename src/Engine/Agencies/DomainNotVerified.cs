using ResellerKit.Engine.Common;

namespace ResellerKit.Engine.Agencies;

/// <summary>The custom domain's TXT record was not found (yet): DNS changes can take a while to appear.</summary>
public sealed record DomainNotVerified(DomainChallenge Challenge) : Error("domain_not_verified")
{
    public override string Detail =>
        $"No TXT record {Challenge.RecordName} with the value {Challenge.RecordValue} was found. " +
        "Add it at your DNS provider, wait a few minutes for it to appear, and verify again.";
}
