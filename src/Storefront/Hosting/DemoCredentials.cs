namespace ResellerKit.Storefront.Hosting;

/// <summary>The demo agency's logins and key. Secrets are null after the first start: they are never stored in plain text.</summary>
public sealed record DemoCredentials(
    string AgencyName, string Slug, string? AgencyApiKey, string OwnerEmail, string? OwnerPassword, string ClientEmail, string? ClientPassword)
{
    public string? PlatformAdminEmail { get; init; }

    public string? PlatformAdminPassword { get; init; }

    /// <summary>A client who owns its account (no agency): the one to send a connection request to.</summary>
    public string? DirectClientEmail { get; init; }

    public string? DirectClientPassword { get; init; }

    public IEnumerable<string> Lines(string? storefrontUrl = null)
    {
        yield return $" Demo agency \"{AgencyName}\" (slug {Slug})";
        if (storefrontUrl is not null)
        {
            yield return $"   Storefront       {storefrontUrl}   (its own origin, apart from the back office)";
        }
        if (AgencyApiKey is null)
        {
            yield return "   Its API key and passwords were printed at first start.";
            yield return "   New ones: dotnet run --project src/Storefront -- demo credentials";
            yield break;
        }
        yield return $"   Agency API key   {AgencyApiKey}";
        yield return $"   Agency owner     {OwnerEmail} / {OwnerPassword}";
        yield return $"   Client login     {ClientEmail} / {ClientPassword}";
        yield return $" Platform admin     {PlatformAdminEmail} / {PlatformAdminPassword}";
        yield return $" Client-owned account (to connect to) {DirectClientEmail} / {DirectClientPassword}";
    }
}
