using System.Buffers;
using System.Buffers.Binary;
using System.Text.Json;

namespace Runwire.Python.Channel;

/// <summary>
/// One message of the worker channel (docs/python-worker-protocol.md): a JSON header and raw buffers.
/// The header's <c>buffers</c> array lists the buffers' lengths; the buffers follow the header back to back.
/// </summary>
internal sealed class Frame(byte[] header, IReadOnlyList<ReadOnlyMemory<byte>> buffers) : IDisposable
{
    private JsonDocument? _document;

    /// <summary>The header's UTF-8 JSON.</summary>
    public byte[] Header { get; } = header;

    public IReadOnlyList<ReadOnlyMemory<byte>> Buffers { get; } = buffers;

    public JsonElement Root => (_document ??= JsonDocument.Parse(Header)).RootElement;

    public string Op => Root.GetProperty("op").GetString() ?? "";

    public void Dispose() => _document?.Dispose();

    /// <summary>
    /// Writes one frame. Up to <see cref="CoalesceLimit"/> bytes go in one write, so the worker wakes once per request
    /// and the host makes one system call instead of one per part; larger frames are written part by part.
    /// </summary>
    public static async Task WriteAsync(Stream stream, byte[] header, IReadOnlyList<ReadOnlyMemory<byte>> buffers, CancellationToken ct)
    {
        var total = 4 + header.Length;
        foreach (var buffer in buffers)
        {
            total += buffer.Length;
        }
        var small = total <= CoalesceLimit;
        var first = ArrayPool<byte>.Shared.Rent(small ? total : 4 + header.Length);
        try
        {
            BinaryPrimitives.WriteUInt32LittleEndian(first, (uint)header.Length);
            header.CopyTo(first.AsSpan(4));
            var used = 4 + header.Length;
            if (small)
            {
                foreach (var buffer in buffers)
                {
                    buffer.Span.CopyTo(first.AsSpan(used));
                    used += buffer.Length;
                }
            }
            await stream.WriteAsync(first.AsMemory(0, used), ct).ConfigureAwait(false);
            if (!small)
            {
                foreach (var buffer in buffers)
                {
                    await stream.WriteAsync(buffer, ct).ConfigureAwait(false);
                }
            }
        }
        finally
        {
            ArrayPool<byte>.Shared.Return(first);
        }
        await stream.FlushAsync(ct).ConfigureAwait(false);
    }

    /// <summary>Frames up to this size are copied into one write (a request with a 1000-point series is about 16 KB).</summary>
    internal const int CoalesceLimit = 256 * 1024;

    /// <summary>Reads one frame; <see cref="EndOfStreamException"/> when the worker closed the channel.</summary>
    public static async Task<Frame> ReadAsync(Stream stream, CancellationToken ct)
    {
        var length = new byte[4];
        await stream.ReadExactlyAsync(length, ct).ConfigureAwait(false);
        var header = new byte[BinaryPrimitives.ReadUInt32LittleEndian(length)];
        await stream.ReadExactlyAsync(header, ct).ConfigureAwait(false);
        var frame = new Frame(header, []);
        if (!frame.Root.TryGetProperty("buffers", out var lengths) || lengths.GetArrayLength() == 0)
        {
            return frame;
        }
        var buffers = new List<ReadOnlyMemory<byte>>(lengths.GetArrayLength());
        foreach (var n in lengths.EnumerateArray())
        {
            var buffer = new byte[n.GetInt64()];
            await stream.ReadExactlyAsync(buffer, ct).ConfigureAwait(false);
            buffers.Add(buffer);
        }
        frame.Dispose();
        return new Frame(header, buffers);
    }
}
