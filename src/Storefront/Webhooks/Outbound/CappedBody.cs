using System.Text;

namespace ResellerKit.Storefront.Webhooks.Outbound;

/// <summary>The first bytes of a response body, never more than asked for; <see cref="Truncated"/> when there was more.</summary>
public sealed record CappedBody(byte[] Bytes, bool Truncated)
{
    public string Text => Encoding.UTF8.GetString(Bytes);

    /// <summary>Reads at most <paramref name="maxBytes"/> and stops, whatever Content-Length claims.</summary>
    public static async Task<CappedBody> ReadAsync(HttpContent content, int maxBytes, CancellationToken ct)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(maxBytes);
        await using var stream = await content.ReadAsStreamAsync(ct);
        var buffer = new byte[maxBytes + 1];
        var filled = 0;
        while (filled < buffer.Length)
        {
            var read = await stream.ReadAsync(buffer.AsMemory(filled), ct);
            if (read == 0)
            {
                break;
            }
            filled += read;
        }
        return new CappedBody(buffer[..Math.Min(filled, maxBytes)], filled > maxBytes);
    }
}
