namespace ResellerKit.Storefront.Api.Errors;

/// <summary>The stable error codes of shared/API.md, with their HTTP status and a short title.</summary>
public static class ProblemCodes
{
    private static readonly Dictionary<string, (int Status, string Title)> Known = new(StringComparer.Ordinal)
    {
        ["validation_failed"] = (400, "The request is not valid"),
        ["form_not_on_page"] = (400, "This form is not on the page"),
        ["unauthorized"] = (401, "Authentication is required"),
        ["forbidden"] = (403, "Not allowed"),
        ["not_found"] = (404, "Not found"),
        ["insufficient_credits"] = (402, "Not enough credits"),
        ["price_below_minimum"] = (422, "Price below the platform minimum"),
        ["currency_not_offered"] = (422, "Currency not offered"),
        ["theme_invalid"] = (422, "The theme is not valid"),
        ["url_not_allowed"] = (422, "URL not allowed"),
        ["domain_not_verified"] = (422, "The domain is not verified yet"),
        ["idempotency_key_reused"] = (409, "Idempotency key reused"),
        ["conflict"] = (409, "Conflict"),
        ["link_expired"] = (410, "The link has expired"),
        ["account_paused"] = (423, "Account paused"),
        ["payload_too_large"] = (413, "Request too large"),
        ["unsupported_media_type"] = (415, "Unsupported media type"),
        ["method_not_allowed"] = (405, "Method not allowed"),
        ["rate_limited"] = (429, "Too many requests"),
        ["checkout_failed"] = (422, "The checkout could not be started"),
        ["payment_provider_error"] = (502, "The payment provider refused"),
        ["payments_unavailable"] = (503, "Payments are switched off"),
        ["internal_error"] = (500, "Something went wrong on our side"),
        ["service_unavailable"] = (503, "Busy, retry shortly"),
    };

    public static int StatusOf(string code) => Known.TryGetValue(code, out var known) ? known.Status : 400;

    public static string TitleOf(string code) => Known.TryGetValue(code, out var known) ? known.Title : "Error";

    /// <summary>The code for a bare status (routing's 404, a 405, a 413), when nothing more specific set one.</summary>
    public static string ForStatus(int status) => status switch
    {
        400 => "validation_failed",
        401 => "unauthorized",
        403 => "forbidden",
        404 => "not_found",
        405 => "method_not_allowed",
        409 => "conflict",
        413 => "payload_too_large",
        415 => "unsupported_media_type",
        429 => "rate_limited",
        503 => "service_unavailable",
        >= 500 => "internal_error",
        _ => "error",
    };
}
