namespace ResellerKit.Engine.Plans;

/// <summary>What a plan can switch on for a sub-account. A feature that is off is refused on the server, not just hidden.</summary>
[Flags]
public enum Features
{
    None = 0,

    /// <summary>Buying its own credits (reselling mode, checkout).</summary>
    Reselling = 1,

    /// <summary>The embeddable widget (widget sessions).</summary>
    Widget = 2,

    /// <summary>Campaigns and copying them.</summary>
    Campaigns = 4,

    /// <summary>The agency driving this sub-account through the API (usage, grants, checkout, balance).</summary>
    ApiAccess = 8,

    /// <summary>Reports on the client's own dashboard.</summary>
    Reports = 16,

    All = Reselling | Widget | Campaigns | ApiAccess | Reports,
}
