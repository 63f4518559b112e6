using ResellerKit.Engine.Common;

namespace ResellerKit.Engine.Access;

/// <summary>Someone who is not an owner of the agency asked to see, replace or revoke its API key, which speaks for the whole agency.</summary>
public sealed record ApiKeyOwnersOnly() : Error("forbidden")
{
    public override string Detail => "Only the agency's owners manage its API key.";
}
