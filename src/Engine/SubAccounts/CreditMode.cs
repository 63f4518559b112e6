namespace ResellerKit.Engine.SubAccounts;

/// <summary>
/// Shared: usage draws on the agency's pool (within the sub-account's monthly cap). Reselling: the sub-account buys
/// its own credits and usage draws on its own wallet.
/// </summary>
public enum CreditMode
{
    Shared,
    Reselling,
}
