using Microsoft.AspNetCore.Mvc;

namespace ResellerKit.Storefront.Api.Idempotency;

/// <summary>A response held as bytes, so that the first answer and every replay are byte-for-byte the same.</summary>
public sealed record StoredResponse(int StatusCode, string? ContentType, string? Location, byte[] Body, bool Replayed = false) : IResult
{
    public async Task ExecuteAsync(HttpContext httpContext)
    {
        var response = httpContext.Response;
        response.StatusCode = StatusCode;
        response.ContentType = ContentType;
        if (Location is not null)
        {
            response.Headers.Location = Location;
        }
        if (Replayed)
        {
            response.Headers["Idempotent-Replayed"] = "true";
        }
        response.ContentLength = Body.Length;
        await response.Body.WriteAsync(Body, httpContext.RequestAborted);
    }

    /// <summary>Runs the handler's result against a buffer instead of the wire.</summary>
    public static async Task<StoredResponse> CaptureAsync(object? result, HttpContext httpContext)
    {
        var response = httpContext.Response;
        var original = response.Body;
        using var buffer = new MemoryStream();
        response.Body = buffer;
        try
        {
            var executable = result as IResult ?? TypedResults.Json(result);
            await executable.ExecuteAsync(httpContext);
        }
        finally
        {
            response.Body = original;
        }
        var location = response.Headers.Location.ToString();
        return new StoredResponse(response.StatusCode, response.ContentType, location.Length == 0 ? null : location, buffer.ToArray());
    }
}

internal static class ProblemResultExtensions
{
    public static IResult AsResult(this ProblemDetails problem) => TypedResults.Problem(problem);
}
