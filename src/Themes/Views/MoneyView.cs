namespace ResellerKit.Themes.Views;

/// <summary>An amount of money in minor units (cents), as the API carries it. Print it with the <c>money</c> filter.</summary>
/// <param name="Amount">Minor units: 1500 is $15.00, and 1500 JPY is ¥1,500.</param>
/// <param name="Currency">ISO-4217 code in lower case, such as <c>usd</c>.</param>
public sealed record MoneyView(long Amount, string Currency);
