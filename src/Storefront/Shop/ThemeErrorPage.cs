using System.Text.Encodings.Web;

namespace ResellerKit.Storefront.Shop;

/// <summary>
/// What a visitor sees when the agency's theme cannot render: the agency's name and an apology, nothing technical. A
/// storefront whose renders are all busy answers 503 with Retry-After, so browsers and crawlers come back later.
/// </summary>
public static class ThemeErrorPage
{
    public const int BusyRetryAfterSeconds = 2;

    public static IResult Busy(HttpContext http, string agencyName, string homeUrl)
    {
        http.Response.Headers.RetryAfter = BusyRetryAfterSeconds.ToString(System.Globalization.CultureInfo.InvariantCulture);
        return For(agencyName, homeUrl, StatusCodes.Status503ServiceUnavailable);
    }

    public static IResult For(string agencyName, string homeUrl, int status = StatusCodes.Status500InternalServerError)
    {
        var name = HtmlEncoder.Default.Encode(agencyName);
        return Results.Content($$"""
            <!doctype html><html lang="en"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1">
            <title>{{name}}</title><style>body{font:16px/1.5 system-ui,sans-serif;max-width:36rem;margin:4rem auto;padding:0 1rem;color:#1f2937}</style></head>
            <body><main><h1>{{name}}</h1><p>This page is having trouble right now. Please try again in a moment.</p>
            <p><a href="{{HtmlEncoder.Default.Encode(homeUrl)}}">Back to the shop</a></p></main></body></html>
            """, "text/html; charset=utf-8", statusCode: status);
    }
}
