using System.Buffers;
using System.Security.Cryptography;
using Microsoft.AspNetCore.DataProtection;
using Microsoft.EntityFrameworkCore;
using ResellerKit.Engine.Idempotency;
using ResellerKit.Engine.Persistence;
using ResellerKit.Storefront.Api.Auth;
using ResellerKit.Storefront.Api.Errors;

namespace ResellerKit.Storefront.Api.Idempotency;

/// <summary>
/// The <c>Idempotency-Key</c> semantics of every POST. The key's record is inserted first, in the same database
/// transaction as the request's effects, and completed with the response before commit:
/// <list type="bullet">
/// <item>a retry with the same key and body replays the stored status and body;</item>
/// <item>the same key with another body answers 409 <c>idempotency_key_reused</c>;</item>
/// <item>a concurrent request with the key waits on the unique index, then replays: the work runs once;</item>
/// <item>a crash before commit leaves neither effect nor record, so a retry simply runs.</item>
/// </list>
/// Responses of 500 and above roll everything back and are not stored.
/// </summary>
public sealed class IdempotencyFilter(TimeProvider clock) : IEndpointFilter
{
    public const string Header = "Idempotency-Key";
    public const int MaxKeyLength = 255;

    public ValueTask<object?> InvokeAsync(EndpointFilterInvocationContext context, EndpointFilterDelegate next)
    {
        var http = context.HttpContext;
        return !HttpMethods.IsPost(http.Request.Method) || !http.Request.Headers.TryGetValue(Header, out var values)
            || http.GetEndpoint()?.Metadata.GetMetadata<SelfIdempotent>() is not null
            ? next(context)
            : KeepRecordAsync(context, next, values.ToString());
    }

    private async ValueTask<object?> KeepRecordAsync(EndpointFilterInvocationContext context, EndpointFilterDelegate next, string key)
    {
        var http = context.HttpContext;
        if (InvalidKey(key) is { } invalid)
        {
            return invalid;
        }

        // Resolved only here: the filter runs on every API route, and the usage routes (self-idempotent) never need EF.
        var db = http.RequestServices.GetRequiredService<EngineDbContext>();
        var afterCommit = http.RequestServices.GetRequiredService<AfterCommit>();
        var scope = ApiCaller.From(http.User).IdempotencyScope;
        var requestHash = await HashRequestAsync(http.Request);
        var secret = http.GetEndpoint()?.Metadata.GetMetadata<SecretReply>() is null
            ? null
            : http.RequestServices.GetRequiredService<IDataProtectionProvider>().CreateProtector(SecretReply.Purpose);
        for (var attempt = 0; ; attempt++)
        {
            await using var transaction = await WriteTransaction.BeginAsync(db, $"{http.Request.Method} {http.Request.Path}", http.RequestAborted);
            var record = IdempotencyRecord.Begin(scope, key, requestHash, clock.GetUtcNow());
            db.IdempotencyRecords.Add(record);
            try
            {
                await db.SaveChangesAsync(http.RequestAborted);
            }
            catch (DbUpdateException e) when (e.IsUniqueViolation())
            {
                await transaction.RollbackAsync(http.RequestAborted);
                db.ChangeTracker.Clear();
                var existing = await db.IdempotencyRecords.AsNoTracking()
                    .SingleOrDefaultAsync(r => r.Scope == scope && r.Key == key, http.RequestAborted);
                if (existing is null && attempt < 3)
                {
                    continue; // The first request failed and rolled back: this one may run.
                }
                if (existing is null || existing.RequestHash != requestHash)
                {
                    return Reused(key);
                }
                if (Readable(existing.ResponseBody, secret) is not { } body)
                {
                    return Problems.Create(409, "idempotency_key_reused",
                        $"The request with the {Header} '{key}' was done already, and its answer held a secret that can no longer be shown. Use a new key for a new request.").AsResult();
                }
                return new StoredResponse(existing.StatusCode, existing.ContentType, existing.Location, body, Replayed: true);
            }
            if (await IdempotentRequests.SpentByAnotherRequestAsync(db, new KeyedRequest(scope, key, requestHash), http.RequestAborted))
            {
                await transaction.RollbackAsync(http.RequestAborted);
                return Reused(key); // a usage debit's transaction is this key's record
            }

            var result = await next(context);
            var response = await StoredResponse.CaptureAsync(result, http);
            if (response.StatusCode >= 500)
            {
                await transaction.RollbackAsync(http.RequestAborted);
                afterCommit.RolledBack();
                return response;
            }
            await db.IdempotencyRecords.Where(r => r.Id == record.Id).ExecuteUpdateAsync(set => set
                .SetProperty(r => r.StatusCode, response.StatusCode)
                .SetProperty(r => r.ContentType, response.ContentType)
                .SetProperty(r => r.Location, response.Location)
                .SetProperty(r => r.ResponseBody, secret is null ? response.Body : secret.Protect(response.Body)), http.RequestAborted);
            await transaction.CommitAsync(http.RequestAborted);
            await afterCommit.CommittedAsync(http.RequestAborted);
            return response;
        }
    }

    // A stored answer as it is, or decrypted (SecretReply); null when it cannot be (the keys that encrypted it are gone).
    private static byte[]? Readable(byte[]? stored, IDataProtector? secret)
    {
        if (secret is null || stored is null) return stored;
        try
        {
            return secret.Unprotect(stored);
        }
        catch (CryptographicException)
        {
            return null;
        }
    }

    private static IResult Reused(string key) => Problems.Create(409, "idempotency_key_reused",
        $"The {Header} '{key}' was already used with a different request. Use a new key for a new request.").AsResult();

    /// <summary>A 400 for a key that is empty, longer than <see cref="MaxKeyLength"/> or holds control characters; null for a good key.</summary>
    public static IResult? InvalidKey(string key) => key.Length is 0 or > MaxKeyLength || key.Any(char.IsControl)
        ? Problems.Create(400, "validation_failed", $"The {Header} header must be 1 to {MaxKeyLength} printable characters.",
            new Dictionary<string, string[]> { [Header] = [$"Use 1 to {MaxKeyLength} printable characters."] }).AsResult()
        : null;

    /// <summary>
    /// Refuses a POST with more than one <c>Idempotency-Key</c> header (binding would join them into a new key, so a
    /// proxy that repeats the header would turn a retry into a second request), and keeps the body of keyed POSTs
    /// readable after model binding, so that the filter can hash it.
    /// </summary>
    public static Task CheckKeyedRequests(HttpContext context, Func<Task> next)
    {
        if (!HttpMethods.IsPost(context.Request.Method) || !context.Request.Headers.TryGetValue(Header, out var keys))
        {
            return next();
        }
        if (keys.Count > 1)
        {
            return Problems.Write(context, 400, "validation_failed", $"Send one {Header} header, not {keys.Count}.",
                new Dictionary<string, string[]> { [Header] = ["Send this header once."] });
        }
        context.Request.EnableBuffering();
        return next();
    }

    // The method, path and body identify "the same request"; a different body under the same key is a mistake.
    public static async Task<string> HashRequestAsync(HttpRequest request)
    {
        if (!request.Body.CanSeek)
        {
            throw new InvalidOperationException("Keyed requests must be buffered: UseResellerKit registers CheckKeyedRequests.");
        }
        request.Body.Position = 0;
        if (request.Body is MemoryStream memory && memory.TryGetBuffer(out var bytes))
        {
            return HashOf(request, bytes); // JsonBodyCheck's copy: hashed in one call
        }
        using var sha = IncrementalHash.CreateHash(HashAlgorithmName.SHA256);
        sha.AppendData(RequestLine(request));
        var buffer = new byte[8192];
        int read;
        while ((read = await request.Body.ReadAsync(buffer, request.HttpContext.RequestAborted)) > 0)
        {
            sha.AppendData(buffer, 0, read);
        }
        request.Body.Position = 0;
        return Convert.ToHexStringLower(sha.GetHashAndReset());
    }

    // SHA-256 of the request line and the body, the same bytes the incremental hash above reads.
    private static string HashOf(HttpRequest request, ReadOnlySpan<byte> body)
    {
        var line = RequestLine(request);
        var rented = ArrayPool<byte>.Shared.Rent(line.Length + body.Length);
        try
        {
            line.CopyTo(rented, 0);
            body.CopyTo(rented.AsSpan(line.Length));
            Span<byte> hash = stackalloc byte[SHA256.HashSizeInBytes];
            SHA256.HashData(rented.AsSpan(0, line.Length + body.Length), hash);
            return Convert.ToHexStringLower(hash);
        }
        finally
        {
            ArrayPool<byte>.Shared.Return(rented);
        }
    }

    private static byte[] RequestLine(HttpRequest request) => System.Text.Encoding.UTF8.GetBytes($"{request.Method} {request.Path}\n");
}
