namespace ResellerKit.Engine.SubAccounts;

/// <summary>How the back office's sub-account list is ordered.</summary>
public enum SubAccountSort
{
    Name,
    Balance,
    Created,
}
