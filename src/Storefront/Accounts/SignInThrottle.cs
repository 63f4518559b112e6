using System.Threading.RateLimiting;

namespace ResellerKit.Storefront.Accounts;

/// <summary>
/// Rate-limits every sign-in POST (back office, storefront password and emailed link, password reset) per client
/// address: 10 a minute. One limiter for all of them, so that switching forms does not buy more attempts. The limiter
/// lives with the app's pipeline (one per node), not in a static, so two apps in one process do not share a budget.
/// </summary>
public sealed class SignInThrottle(RequestDelegate next)
{
    private readonly PartitionedRateLimiter<HttpContext> limiter = PartitionedRateLimiter.Create<HttpContext, string>(http =>
        RateLimitPartition.GetFixedWindowLimiter(http.Connection.RemoteIpAddress?.ToString() ?? "unknown",
            _ => new FixedWindowRateLimiterOptions { PermitLimit = 10, Window = TimeSpan.FromMinutes(1), QueueLimit = 0 }));

    public async Task InvokeAsync(HttpContext context)
    {
        if (HttpMethods.IsPost(context.Request.Method) && IsSignIn(context.Request.Path))
        {
            using var lease = await limiter.AcquireAsync(context, 1, context.RequestAborted);
            if (!lease.IsAcquired)
            {
                context.Response.StatusCode = StatusCodes.Status429TooManyRequests;
                context.Response.Headers.RetryAfter = "60";
                context.Response.ContentType = "text/html; charset=utf-8";
                await context.Response.WriteAsync(
                    "<!doctype html><html lang=\"en\"><title>Too many attempts</title><main><h1>Too many sign-in attempts</h1>" +
                    "<p>Please wait a minute and try again.</p></main></html>", context.RequestAborted);
                return;
            }
        }
        await next(context);
    }

    public static bool IsSignIn(PathString path)
    {
        var value = path.Value ?? "";
        return value is "/admin/login" or "/admin/forgot-password"
            || (value.StartsWith("/s/", StringComparison.Ordinal) && (value.EndsWith("/sign-in", StringComparison.Ordinal) || value.EndsWith("/magic-link", StringComparison.Ordinal)));
    }
}
