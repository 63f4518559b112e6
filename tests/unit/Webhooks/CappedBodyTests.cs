using ResellerKit.Storefront.Webhooks.Outbound;

namespace ResellerKit.Tests.Unit.Webhooks;

public sealed class CappedBodyTests
{
    /// <summary>A body that never ends: reading it to the end would never return.</summary>
    private sealed class EndlessStream : Stream
    {
        public long Served { get; private set; }

        public override int Read(byte[] buffer, int offset, int count)
        {
            buffer.AsSpan(offset, count).Fill((byte)'a');
            Served += count;
            return count;
        }

        public override bool CanRead => true;
        public override bool CanSeek => false;
        public override bool CanWrite => false;
        public override long Length => throw new NotSupportedException();
        public override long Position { get => throw new NotSupportedException(); set => throw new NotSupportedException(); }
        public override void Flush() { }
        public override long Seek(long offset, SeekOrigin origin) => throw new NotSupportedException();
        public override void SetLength(long value) => throw new NotSupportedException();
        public override void Write(byte[] buffer, int offset, int count) => throw new NotSupportedException();
    }

    [Fact]
    public async Task ReadAsync_EndlessBody_StopsAtTheCap()
    {
        var body = new EndlessStream();

        var capped = await CappedBody.ReadAsync(new StreamContent(body), 64 * 1024, Ct);

        capped.Bytes.Length.ShouldBe(64 * 1024);
        capped.Truncated.ShouldBeTrue();
        body.Served.ShouldBeLessThanOrEqualTo(64 * 1024 + 1);
    }

    [Fact]
    public async Task ReadAsync_BodyExactlyAtTheCap_NotTruncated()
    {
        var capped = await CappedBody.ReadAsync(new StringContent("12345"), 5, Ct);

        (capped.Text, capped.Truncated).ShouldBe(("12345", false));
    }
}
