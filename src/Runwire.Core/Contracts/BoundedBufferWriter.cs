using System.Buffers;

namespace Runwire.Core.Contracts;

/// <summary>An <see cref="ArrayBufferWriter{T}"/> that refuses to grow beyond a limit (none when zero or less).</summary>
internal sealed class BoundedBufferWriter(long maxBytes) : IBufferWriter<byte>
{
    private readonly ArrayBufferWriter<byte> _inner = new();

    public ReadOnlySpan<byte> WrittenSpan => _inner.WrittenSpan;

    public void Advance(int count)
    {
        Check(count);
        _inner.Advance(count);
    }

    public Memory<byte> GetMemory(int sizeHint = 0)
    {
        CheckHint(sizeHint);
        return _inner.GetMemory(sizeHint);
    }

    public Span<byte> GetSpan(int sizeHint = 0)
    {
        CheckHint(sizeHint);
        return _inner.GetSpan(sizeHint);
    }

    private void Check(int more)
    {
        if (maxBytes > 0 && _inner.WrittenCount + (long)more > maxBytes)
        {
            throw new ResultTooLargeException();
        }
    }

    // Utf8JsonWriter asks for room for the worst case, up to six bytes a character when escaping: a hint only says the
    // value cannot fit when even one byte a character would be too many.
    private void CheckHint(int sizeHint)
    {
        if (maxBytes > 0 && sizeHint > MaxEscapingFactor * (maxBytes - _inner.WrittenCount) + Slack)
        {
            throw new ResultTooLargeException();
        }
    }

    private const int MaxEscapingFactor = 6;
    private const int Slack = 64 * 1024;
}

/// <summary>The result being written is larger than the limit it is written under.</summary>
internal sealed class ResultTooLargeException : Exception
{
    public ResultTooLargeException()
    {
    }

    public ResultTooLargeException(string message) : base(message)
    {
    }

    public ResultTooLargeException(string message, Exception innerException) : base(message, innerException)
    {
    }
}
