namespace ResellerKit.Themes.Views;

/// <summary>The signed-in client (sub-account): <c>customer</c>, null when signed out.</summary>
/// <param name="CreditMode"><c>shared</c> (usage draws on the agency pool) or <c>reselling</c> (own wallet).</param>
/// <param name="Balance">The own wallet's balance in reselling mode; always null in shared mode, so no theme can show the pool.</param>
/// <param name="UsedThisMonth">Credits used since the start of the month.</param>
public sealed record CustomerView(string Name, string Email, string CreditMode, long? Balance, long UsedThisMonth, bool Paused)
{
    public const string SharedMode = "shared";
    public const string ResellingMode = "reselling";
}
