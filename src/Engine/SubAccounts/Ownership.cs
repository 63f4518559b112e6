namespace ResellerKit.Engine.SubAccounts;

/// <summary>Agency: created and paid for by the agency. Client: an existing account that the agency was connected to.</summary>
public enum Ownership
{
    Agency,
    Client,
}
