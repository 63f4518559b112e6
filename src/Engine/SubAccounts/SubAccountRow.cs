namespace ResellerKit.Engine.SubAccounts;

/// <summary>A sub-account in the agency's list, with its spendable balance: null in shared mode, where it draws on the agency's pool.</summary>
public sealed record SubAccountRow(SubAccount SubAccount, long? Balance);
