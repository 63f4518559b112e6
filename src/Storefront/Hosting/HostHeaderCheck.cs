using ResellerKit.Storefront.Api.Errors;

namespace ResellerKit.Storefront.Hosting;

/// <summary>
/// Answers 400 <c>validation_failed</c> to a request whose <c>Host</c> header is not a host name ASP.NET Core can read:
/// an <c>xn--</c> label that is not valid punycode makes <see cref="HostString.Host"/> throw, which every later step
/// (storefront routing, links, redirects) would turn into a 500. Runs first, before anything reads the host.
/// </summary>
public static class HostHeaderCheck
{
    public static Task RejectUnreadable(HttpContext context, Func<Task> next)
    {
        if (!IsReadable(context.Request.Headers.Host.ToString()))
        {
            const string message = "The Host header is not a valid host name.";
            return Problems.Write(context, StatusCodes.Status400BadRequest, "validation_failed", message,
                new Dictionary<string, string[]> { ["Host"] = [message] });
        }
        return next();
    }

    /// <summary>Whether ASP.NET Core can read <paramref name="header"/> as a host (reading <c>Request.Host</c> decodes it).</summary>
    public static bool IsReadable(string header)
    {
        try
        {
            _ = HostString.FromUriComponent(header).Host;
            return true;
        }
        catch (ArgumentException)
        {
            return false; // IdnMapping refused a punycode label
        }
    }
}
