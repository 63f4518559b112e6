using System.Net;
using Microsoft.AspNetCore.Diagnostics;

namespace ResellerKit.Storefront.Api.Errors;

/// <summary>
/// The error a person sees in a browser: a short HTML page in words, instead of the problem document an API caller
/// gets. Only for pages (never under <c>/api</c>, never the Stripe sandbox's API) and only when the browser asks for HTML.
/// </summary>
public static class BrowserErrorPage
{
    public static bool IsWanted(HttpContext http) =>
        !http.Request.Path.StartsWithSegments("/api")
        && !http.Request.Path.StartsWithSegments("/stripe-sandbox/v1")
        && http.Request.Headers.Accept.Any(a => a?.Contains("text/html", StringComparison.OrdinalIgnoreCase) == true);

    public static async Task WriteAsync(HttpContext http, int status)
    {
        var (title, message) = status switch
        {
            404 => ("Page not found", "Nothing exists at this address. Check the link, or start again from the home page."),
            400 => ("That request could not be read", "Something in the request was not valid. Go back, check what you entered and try again."),
            401 or 403 => ("Not allowed", "You are not allowed to see this page. Sign in with an account that has access."),
            405 => ("Not allowed here", "This address does not take that kind of request."),
            413 => ("Too large", "What you sent is larger than we accept."),
            429 => ("Too many requests", "Please wait a minute before trying again."),
            >= 500 => ("Something went wrong on our side", "It has been logged and nothing you paid for is lost. Please try again in a moment."),
            _ => ("Something is not right", "The request could not be completed."),
        };
        http.Response.StatusCode = status;
        http.Response.ContentType = "text/html; charset=utf-8";
        await http.Response.WriteAsync($$"""
            <!DOCTYPE html>
            <html lang="en"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1">
            <title>{{WebUtility.HtmlEncode(title)}}</title>
            <style>body{font:16px/1.5 system-ui,sans-serif;color:#1f2933;background:#f5f7fa;margin:0}
            main{max-width:34rem;margin:12vh auto;padding:2rem;background:#fff;border-radius:8px;box-shadow:0 1px 3px #0002}
            h1{font-size:1.4rem;margin-top:0}small{color:#616e7c}</style></head>
            <body><main><h1>{{WebUtility.HtmlEncode(title)}}</h1><p>{{WebUtility.HtmlEncode(message)}}</p>
            <p><a href="/">Home</a></p><small>Error {{status}} · reference {{WebUtility.HtmlEncode(http.TraceIdentifier)}}</small></main></body></html>
            """, http.RequestAborted);
    }

    /// <summary>For UseStatusCodePages: an empty error response becomes this page for a browser, a problem document otherwise.</summary>
    public static async Task OnStatusCode(StatusCodeContext context)
    {
        var http = context.HttpContext;
        if (IsWanted(http))
        {
            await WriteAsync(http, http.Response.StatusCode);
            return;
        }
        var problems = http.RequestServices.GetRequiredService<IProblemDetailsService>();
        await problems.WriteAsync(new ProblemDetailsContext { HttpContext = http, ProblemDetails = { Status = http.Response.StatusCode } });
    }
}
