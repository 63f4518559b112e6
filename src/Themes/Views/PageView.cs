namespace ResellerKit.Themes.Views;

/// <summary>What the current page is about: <c>page</c>.</summary>
/// <param name="Template">The template name without folder or extension: index, account, checkout-return, sign-in or 404.</param>
/// <param name="Message">A plain-text notice for the visitor (for example "Check your inbox"), or null.</param>
/// <param name="Error">A plain-text error for the visitor (for example "Wrong email or password"), or null.</param>
/// <param name="CheckoutState">On checkout-return: <c>fulfilled</c>, <c>pending</c> or <c>canceled</c>; otherwise null.</param>
/// <param name="CreditsAdded">On a fulfilled checkout: the credits just added.</param>
/// <param name="NewBalance">On a fulfilled checkout in reselling mode: the balance afterwards.</param>
public sealed record PageView(
    string Title,
    string Template,
    string? Message = null,
    string? Error = null,
    string? CheckoutState = null,
    long? CreditsAdded = null,
    long? NewBalance = null)
{
    public const string Fulfilled = "fulfilled";
    public const string Pending = "pending";
    public const string Canceled = "canceled";
}
