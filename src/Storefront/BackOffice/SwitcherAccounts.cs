using ResellerKit.Engine.Common;

namespace ResellerKit.Storefront.BackOffice;

/// <summary>
/// The agency's sub-accounts the account switcher offers to open: at most <see cref="Limit"/> of them, by name, those
/// whose name contains <see cref="Search"/> when the user searched; <see cref="Total"/> says how many matched in all.
/// </summary>
public sealed record SwitcherAccounts(AgencyId AgencyId, IReadOnlyList<SwitcherAccount> Shown, int Total, string? Search)
{
    public const int Limit = 8;

    /// <summary>The query parameter the switcher's search form sends (on the page the user is on).</summary>
    public const string SearchParameter = "account-search";

    public bool IsPartial => Total > Shown.Count;
}

/// <summary>One sub-account in the switcher: its workspace key (what <c>/admin/switch</c> takes) and its name.</summary>
public sealed record SwitcherAccount(SubAccountId Id, string Name)
{
    public string Key => $"sub:{Id}";
}
