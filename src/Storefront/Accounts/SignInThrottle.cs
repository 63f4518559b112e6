using System.Threading.RateLimiting;
using ResellerKit.Engine.Common;

namespace ResellerKit.Storefront.Accounts;

/// <summary>
/// Throttles every sign-in attempt, found by its endpoint (<see cref="SignInAttemptAttribute"/>), per client address and
/// per account: 10 attempts a minute from one address across all sign-in forms (<c>ResellerKit:SignInAttemptsPerAddress</c>,
/// for an office whose people share one public address), 5 password attempts a minute for one email address, and 3
/// sign-in emails per 15 minutes to one address. The limiters live with the app's pipeline (one per node), not in a
/// static, so two apps in one process do not share a budget.
/// </summary>
public sealed class SignInThrottle(RequestDelegate next, IConfiguration configuration)
{
    public const int DefaultAttemptsPerAddress = 10;

    private readonly PartitionedRateLimiter<string> perAddress = Fixed(
        Math.Clamp(configuration.GetValue("ResellerKit:SignInAttemptsPerAddress", DefaultAttemptsPerAddress), 1, 10_000), TimeSpan.FromMinutes(1));
    private readonly PartitionedRateLimiter<string> passwordsPerAccount = Fixed(5, TimeSpan.FromMinutes(1));
    private readonly PartitionedRateLimiter<string> emailsPerAccount = Fixed(3, TimeSpan.FromMinutes(15));

    public Task InvokeAsync(HttpContext context) =>
        HttpMethods.IsPost(context.Request.Method) && context.GetEndpoint()?.Metadata.GetMetadata<SignInAttemptAttribute>() is { } attempt
            ? ThrottleAsync(context, attempt)
            : next(context);

    private async Task ThrottleAsync(HttpContext context, SignInAttemptAttribute attempt)
    {
        using var byAddress = await perAddress.AcquireAsync(context.Connection.RemoteIpAddress?.ToString() ?? "unknown", 1, context.RequestAborted);
        var account = await AccountAsync(context);
        var accounts = attempt.Kind == SignInAttemptKind.Password ? passwordsPerAccount : emailsPerAccount;
        using var byAccount = account is null ? null : await accounts.AcquireAsync(account, 1, context.RequestAborted);
        if (!byAddress.IsAcquired || byAccount is { IsAcquired: false })
        {
            await RefuseAsync(context, attempt.Kind == SignInAttemptKind.Password ? 60 : 900);
            return;
        }

        await next(context);
    }

    /// <summary>The email address the form names (<c>email</c>, <c>Input.Email</c>), normalised, or null.</summary>
    private static async Task<string?> AccountAsync(HttpContext context)
    {
        if (!context.Request.HasFormContentType)
        {
            return null;
        }

        var form = await context.Request.ReadFormAsync(context.RequestAborted);
        var field = form.Keys.FirstOrDefault(k => k.EndsWith("email", StringComparison.OrdinalIgnoreCase));
        return field is null || form[field].ToString() is not { Length: > 0 } value ? null : Input.NormalizeEmail(value.Trim());
    }

    private static async Task RefuseAsync(HttpContext context, int retryAfterSeconds)
    {
        context.Response.StatusCode = StatusCodes.Status429TooManyRequests;
        context.Response.Headers.RetryAfter = retryAfterSeconds.ToString(System.Globalization.CultureInfo.InvariantCulture);
        context.Response.ContentType = "text/html; charset=utf-8";
        await context.Response.WriteAsync(
            "<!doctype html><html lang=\"en\"><meta name=\"viewport\" content=\"width=device-width,initial-scale=1\"><title>Too many attempts</title>" +
            "<main style=\"font:16px/1.5 system-ui,sans-serif;max-width:32rem;margin:4rem auto;padding:0 1rem\"><h1>Too many attempts</h1>" +
            $"<p>For your account's safety, please wait {(retryAfterSeconds >= 120 ? $"{retryAfterSeconds / 60} minutes" : "a minute")}, then go back and try again.</p></main></html>",
            context.RequestAborted);
    }

    private static PartitionedRateLimiter<string> Fixed(int permits, TimeSpan window) =>
        PartitionedRateLimiter.Create<string, string>(key =>
            RateLimitPartition.GetFixedWindowLimiter(key, _ => new FixedWindowRateLimiterOptions { PermitLimit = permits, Window = window, QueueLimit = 0 }));
}
