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
        Check(sizeHint);
        return _inner.GetMemory(sizeHint);
    }

    public Span<byte> GetSpan(int sizeHint = 0)
    {
        Check(sizeHint);
        return _inner.GetSpan(sizeHint);
    }

    private void Check(int more)
    {
        if (maxBytes > 0 && _inner.WrittenCount + (long)more > maxBytes)
        {
            throw new ResultTooLargeException();
        }
    }
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
