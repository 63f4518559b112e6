using System.Globalization;
using System.Net.Http.Headers;

namespace ResellerKit.Storefront.Webhooks.Outbound;

/// <summary>
/// Reads a <c>Retry-After</c> value: delay-seconds or an HTTP-date. Capped at one day so that an endpoint cannot park
/// a message for ever; a date in the past means now; anything else is ignored (null), and the caller's backoff applies.
/// </summary>
public static class RetryAfter
{
    public static readonly TimeSpan Cap = TimeSpan.FromDays(1);

    public static TimeSpan? Parse(string? value, DateTimeOffset now)
    {
        var text = value?.Trim();
        if (string.IsNullOrEmpty(text))
        {
            return null;
        }
        if (text.All(char.IsAsciiDigit))
        {
            return long.TryParse(text, NumberStyles.None, CultureInfo.InvariantCulture, out var seconds) && seconds < Cap.TotalSeconds
                ? TimeSpan.FromSeconds(seconds)
                : Cap;
        }
        if (RetryConditionHeaderValue.TryParse(text, out var parsed) && parsed.Date is { } date)
        {
            var wait = date - now;
            return wait < TimeSpan.Zero ? TimeSpan.Zero : wait > Cap ? Cap : wait;
        }
        return null;
    }

    public static TimeSpan? From(HttpResponseMessage response, DateTimeOffset now) =>
        response.Headers.TryGetValues("Retry-After", out var values) ? Parse(values.FirstOrDefault(), now) : null;
}
