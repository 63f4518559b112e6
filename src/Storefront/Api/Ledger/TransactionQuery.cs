using System.Globalization;
using ResellerKit.Engine.Common;
using ResellerKit.Engine.Credits;

namespace ResellerKit.Storefront.Api.Ledger;

/// <summary>
/// The query string of <c>GET /transactions</c>. Values arrive as strings and are checked here, so that a bad one
/// answers 400 naming the parameter instead of the framework's bare 400.
/// </summary>
public sealed record TransactionQuery(
    string? SubAccountId, string? CampaignId, string? ContactId, string? Type, string? From, string? To, int? Limit, string? Cursor)
{
    public Result<TransactionFilter> ToFilter()
    {
        var errors = new FieldErrors();
        SubAccountId? subAccountId = null;
        if (SubAccountId is not null)
        {
            if (Engine.Common.SubAccountId.TryParse(SubAccountId, out var parsed)) subAccountId = parsed;
            else errors.Add("subAccountId", "subAccountId must be a sub-account id.");
        }
        TransactionType? type = null;
        if (Type is not null)
        {
            if (TransactionTypes.TryParse(Type, out var parsed)) type = parsed;
            else errors.Add("type", $"type must be one of: {string.Join(", ", TransactionTypes.Names)}.");
        }
        CheckText(CampaignId, "campaignId", errors);
        CheckText(ContactId, "contactId", errors);
        var from = ParseTime(From, "from", errors);
        var to = ParseTime(To, "to", errors);
        return errors.Any ? errors.ToError() : new TransactionFilter(subAccountId, CampaignId, ContactId, type, from, to);
    }

    private static void CheckText(string? value, string field, FieldErrors errors)
    {
        if (Input.HasControlCharacters(value))
        {
            errors.Add(field, Input.ControlCharactersMessage(field));
        }
    }

    private static DateTimeOffset? ParseTime(string? value, string field, FieldErrors errors)
    {
        if (value is null) return null;
        if (DateTimeOffset.TryParse(value, CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal | DateTimeStyles.AdjustToUniversal, out var parsed))
        {
            return parsed;
        }
        errors.Add(field, $"{field} is not a date we can read. Write the year, month and day with dashes, like 2026-01-31, "
            + "or add a time in UTC after a T, like 2026-01-31T14:30:00Z.");
        return null;
    }
}
