namespace ResellerKit.Storefront.BackOffice;

/// <summary>Whose back office the user is looking at: the platform's, one agency's, or one client account's.</summary>
public enum WorkspaceKind
{
    Platform,
    Agency,
    SubAccount,
}
