using System.Text;

namespace ResellerKit.Themes.Rendering.Budget;

/// <summary>
/// Collects rendered text up to a size limit and checks the render's clock on every write, so a template that writes
/// forever stops at the limit or the timeout instead of filling memory.
/// </summary>
internal sealed class CappedWriter(RenderState state, int maxChars, string what) : TextWriter
{
    private readonly StringBuilder text = new();

    public override Encoding Encoding => Encoding.UTF8;

    public int Length => text.Length;

    public override void Write(char value)
    {
        Reserve(1);
        text.Append(value);
    }

    public override void Write(string? value)
    {
        Reserve(value?.Length ?? 0);
        text.Append(value);
    }

    public override void Write(char[] buffer, int index, int count)
    {
        Reserve(count);
        text.Append(buffer, index, count);
    }

    public override void Write(ReadOnlySpan<char> buffer)
    {
        Reserve(buffer.Length);
        text.Append(buffer);
    }

    public override Task WriteAsync(char value)
    {
        Write(value);
        return Task.CompletedTask;
    }

    public override Task WriteAsync(string? value)
    {
        Write(value);
        return Task.CompletedTask;
    }

    public override Task WriteAsync(char[] buffer, int index, int count)
    {
        Write(buffer, index, count);
        return Task.CompletedTask;
    }

    public override Task FlushAsync() => Task.CompletedTask;

    public override string ToString() => text.ToString();

    private void Reserve(int count)
    {
        state.Checkpoint();
        if (text.Length + count > maxChars)
        {
            throw new ThemeRenderException($"The {what} is larger than {maxChars:N0} characters.", limit: "output");
        }
    }
}
