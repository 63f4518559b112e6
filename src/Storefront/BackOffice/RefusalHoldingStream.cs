namespace ResellerKit.Storefront.BackOffice;

/// <summary>
/// A response body that passes every write and flush on to <paramref name="inner"/>, except while
/// <paramref name="holding"/> says the answer is one that will be replaced (<see cref="FormNotOnPage"/>): those bytes
/// are dropped, so the response has not started when the replacement is written.
/// </summary>
internal sealed class RefusalHoldingStream(Stream inner, Func<bool> holding) : Stream
{
    public override bool CanRead => false;
    public override bool CanSeek => false;
    public override bool CanWrite => true;
    public override long Length => throw new NotSupportedException();
    public override long Position { get => throw new NotSupportedException(); set => throw new NotSupportedException(); }

    public override void Flush()
    {
        if (!holding()) inner.Flush();
    }

    public override Task FlushAsync(CancellationToken cancellationToken) => holding() ? Task.CompletedTask : inner.FlushAsync(cancellationToken);

    public override void Write(byte[] buffer, int offset, int count)
    {
        if (!holding()) inner.Write(buffer, offset, count);
    }

    public override ValueTask WriteAsync(ReadOnlyMemory<byte> buffer, CancellationToken cancellationToken = default) =>
        holding() ? ValueTask.CompletedTask : inner.WriteAsync(buffer, cancellationToken);

    public override Task WriteAsync(byte[] buffer, int offset, int count, CancellationToken cancellationToken) =>
        WriteAsync(buffer.AsMemory(offset, count), cancellationToken).AsTask();

    public override int Read(byte[] buffer, int offset, int count) => throw new NotSupportedException();
    public override long Seek(long offset, SeekOrigin origin) => throw new NotSupportedException();
    public override void SetLength(long value) => throw new NotSupportedException();
}
