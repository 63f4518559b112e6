namespace ResellerKit.Themes.Views;

/// <summary>What the current page is about: <c>page</c>.</summary>
/// <param name="Template">The template name without folder or extension: index, account, password, checkout-return, sign-in, magic or 404.</param>
/// <param name="Message">A plain-text notice for the visitor (for example "Check your inbox"), or null.</param>
/// <param name="Error">A plain-text error for the visitor (for example "Wrong email or password"), or null.</param>
/// <param name="CheckoutState">On checkout-return: <c>fulfilled</c>, <c>pending</c>, <c>canceled</c>, or <c>still_open</c> (a cancel
/// link without its purchase's token, which closes nothing); otherwise null.</param>
/// <param name="CreditsAdded">On a fulfilled checkout: the credits just added.</param>
/// <param name="NewBalance">On a fulfilled checkout in reselling mode: the balance afterwards.</param>
/// <param name="Outcome">What the page's form did, as a word the template puts into words from its locale (on password: <c>changed</c>).</param>
/// <param name="InvalidFields">The form's fields that were refused (on password: <c>current_password</c>, <c>new_password</c>,
/// <c>confirm_password</c>; on index: <c>credits</c>); the template words each next to its field from its locale, or with
/// <paramref name="FieldError"/>.</param>
/// <param name="FieldError">On index after a refused "any amount": the agency's words for the refused number (for example
/// "Choose between 50 and 100,000 credits."), shown next to the field.</param>
/// <param name="EnteredCredits">On index after a refused "any amount": what the visitor typed, kept in the field.</param>
public sealed record PageView(
    string Title,
    string Template,
    string? Message = null,
    string? Error = null,
    string? CheckoutState = null,
    long? CreditsAdded = null,
    long? NewBalance = null,
    string? Outcome = null,
    IReadOnlyList<string>? InvalidFields = null,
    string? FieldError = null,
    string? EnteredCredits = null)
{
    public const string Fulfilled = "fulfilled";
    public const string Pending = "pending";
    public const string Canceled = "canceled";
    public const string StillOpen = "still_open";
}
