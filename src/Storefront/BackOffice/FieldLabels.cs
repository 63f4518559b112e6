using System.Text.RegularExpressions;
using ResellerKit.Engine.Common;

namespace ResellerKit.Storefront.BackOffice;

/// <summary>
/// The back office's words for the Engine's field names, in one place. The Engine's messages are the API's and name
/// fields as the API does ("primaryColor must be a hex colour like #1d4ed8."); a form shows them with the label the
/// person sees next to the field ("Primary colour must be a colour like #1d4ed8."). Every form's errors pass through
/// <see cref="Speak"/> (by <c>FieldError</c>) or <see cref="Words"/>.
/// </summary>
public static partial class FieldLabels
{
    // A label reads as the subject of a sentence ("The top-up target must be more than the top-up threshold."); the pack
    // price (unitAmount) keeps its wording here: its entry is being reworked to currency units on its own.
    private static readonly Dictionary<string, string> Labels = new(StringComparer.Ordinal)
    {
        ["accent"] = "Accent colour",
        ["autoRecharge.enabled"] = "Automatic top-ups",
        ["autoRecharge.provider"] = "Who takes the payment",
        ["baseTheme"] = "Base theme",
        ["campaignId"] = "Campaign",
        ["configuration"] = "Configuration",
        ["contactId"] = "Contact",
        ["content"] = "Content",
        ["creditMode"] = "Credits",
        ["credits"] = "Credits",
        ["currency"] = "Currency",
        ["customDomain"] = "Custom domain",
        ["description"] = "Description",
        ["discountPercent"] = "Discount",
        ["displayName"] = "Display name",
        ["email"] = "Email",
        ["emailFooter"] = "Email footer text",
        ["eventType"] = "Event",
        ["events"] = "Events",
        ["expiresAt"] = "Expiry",
        ["faqs"] = "FAQs",
        ["from"] = "From",
        ["highlight"] = "Highlight",
        ["instructions"] = "Instructions",
        ["locale"] = "Language and money format",
        ["logoUrl"] = "Logo URL",
        ["lowBalanceAlert.recipients"] = "Also email",
        ["lowBalanceAlert.thresholdCredits"] = "The alert level",
        ["maxCredits"] = "Maximum credits",
        ["maxPerDay"] = "The number of top-ups a day",
        ["monthlySpendCap"] = "The monthly spend cap",
        ["minCredits"] = "Minimum credits",
        ["name"] = "Name",
        ["origins"] = "Allowed origins",
        ["ownerEmail"] = "Owner's email",
        ["password"] = "Password",
        ["planId"] = "Plan",
        ["platformFeePerCredit"] = "Platform fee per credit",
        ["postalAddress"] = "Postal address",
        ["pricePerCredit"] = "Price per credit",
        ["primaryColor"] = "Primary colour",
        ["reason"] = "Reason",
        ["recipients"] = "Also email",
        ["role"] = "Role",
        ["settings"] = "Settings",
        ["slug"] = "Slug",
        ["sortOrder"] = "Sort order",
        ["subAccountId"] = "Sub-account",
        ["supportEmail"] = "Support email",
        ["targetCredits"] = "The top-up target",
        ["targetSubAccountId"] = "Sub-account",
        ["thresholdCredits"] = "The top-up threshold",
        ["to"] = "To",
        ["type"] = "Type",
        ["unitAmountPerCredit"] = "Minimum per credit",
        ["url"] = "Endpoint URL",
        ["usageCapPerMonth"] = "Monthly usage cap",
    };

    // API phrases a person would not use, in the words of the back office's forms.
    private static readonly (string Api, string Words)[] Phrases =
    [
        ("from must not be later than to.", "The From date must not be later than the To date."),
        ("a hex colour like", "a colour like"),
        ("an absolute https or http URL", "a full web address (https://…)"),
        ("an absolute http or https URL", "a full web address (https://…)"),
        ("is a positive decimal string of", "must be a positive number of"),
        ("is a decimal string of", "must be a number of"),
        (", or null for no ", ", or empty for no "),
    ];

    /// <summary>The label a form shows for <paramref name="field"/> (an Engine field name, dotted when nested).</summary>
    public static string For(string field) => Labels.TryGetValue(field, out var label) ? label : field;

    /// <summary><paramref name="message"/> about <paramref name="field"/>, with field names turned into labels.</summary>
    public static string Speak(string field, string message)
    {
        foreach (var (api, words) in Phrases)
        {
            message = message.Replace(api, words, StringComparison.Ordinal);
        }
        var prefix = field.Contains('.') ? field[..field.LastIndexOf('.')] + "." : "";
        // The name the message opens with is the field's own; a camelCase name further on is another field of the form.
        var leading = LeadingName().Match(message);
        if (leading.Success && Lookup(prefix, leading.Value) is { } own)
        {
            message = own + message[leading.Length..];
        }
        return CamelCaseName().Replace(message, m => Lookup(prefix, m.Value) is { } label ? char.ToLowerInvariant(label[0]) + label[1..] : m.Value);
    }

    /// <summary>A failed use case's message for a notice (not next to one field): each field's messages in words.</summary>
    public static string Words(Error error) => error is ValidationFailed v
        ? string.Join(" ", v.Errors.SelectMany(e => e.Value.Select(m => Speak(e.Key, m))))
        : error.Detail;

    private static string? Lookup(string prefix, string name) =>
        Labels.TryGetValue(prefix + name, out var nested) ? nested : Labels.TryGetValue(name, out var label) ? label : null;

    [GeneratedRegex(@"^[a-z][A-Za-z]*(?=\s)")]
    private static partial Regex LeadingName();

    [GeneratedRegex(@"\b[a-z]+[A-Z][A-Za-z]*\b")]
    private static partial Regex CamelCaseName();
}
