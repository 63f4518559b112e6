using System.IO.Pipelines;
using System.Security.Cryptography;
using System.Text;
using Microsoft.AspNetCore.Http;
using ResellerKit.Storefront.Api.Idempotency;

namespace ResellerKit.Tests.Unit.Api;

/// <summary>
/// The hash that tells a keyed retry from another request under the same key is SHA-256 of the request line and the
/// body, whichever way the body was buffered: a retry must match the hash stored for its first attempt.
/// </summary>
public sealed class RequestHashTests
{
    private static readonly byte[] Body = Encoding.UTF8.GetBytes("""{"credits":3,"description":"AI replies"}""");
    private const string Path = "/api/v1/sub-accounts/7d9c/usage";

    [Fact]
    public async Task HashRequestAsync_BodyHeldInMemory_HashesTheRequestLineAndTheBody()
    {
        var request = Request(new MemoryStream(Body));

        (await IdempotencyFilter.HashRequestAsync(request)).ShouldBe(Expected());
        request.Body.Position.ShouldBe(0);
    }

    [Fact]
    public async Task HashRequestAsync_BodyBufferedFromTheWire_HashesTheSameAsInMemory()
    {
        var pipe = new Pipe();
        await pipe.Writer.WriteAsync(Body, Ct);
        await pipe.Writer.CompleteAsync();
        var request = Request(pipe.Reader.AsStream());
        request.EnableBuffering();

        (await IdempotencyFilter.HashRequestAsync(request)).ShouldBe(Expected());
        request.Body.Position.ShouldBe(0);
    }

    [Fact]
    public async Task HashRequestAsync_MemoryStreamOverPartOfABuffer_HashesOnlyItsOwnBytes()
    {
        var padded = new byte[Body.Length + 7];
        Body.CopyTo(padded, 3);
        var request = Request(new MemoryStream(padded, 3, Body.Length, writable: false, publiclyVisible: true));

        (await IdempotencyFilter.HashRequestAsync(request)).ShouldBe(Expected());
    }

    private static HttpRequest Request(Stream body)
    {
        var context = new DefaultHttpContext();
        context.Request.Method = "POST";
        context.Request.Path = Path;
        context.Request.Body = body;
        return context.Request;
    }

    private static string Expected() =>
        Convert.ToHexStringLower(SHA256.HashData([.. Encoding.UTF8.GetBytes($"POST {Path}\n"), .. Body]));
}
