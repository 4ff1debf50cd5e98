using System.Buffers;
using System.Text;
using System.Text.Unicode;

namespace Runwire.Core.Contracts.Pydantic;

/// <summary>Strict UTF-8 decoding with CPython's error texts (<c>bytes.decode("utf8")</c>).</summary>
internal static class Utf8Text
{
    public static string Decode(ReadOnlySpan<byte> utf8)
    {
        // Pooled: a job payload is decoded once per job and the buffer is garbage right after.
        var chars = ArrayPool<char>.Shared.Rent(Math.Max(utf8.Length, 1));
        try
        {
            var status = Utf8.ToUtf16(utf8, chars, out var read, out var written, replaceInvalidSequences: false);
            if (status == OperationStatus.Done)
            {
                return new string(chars, 0, written);
            }
            throw new PyJsonException(Describe(utf8, read), "value_error.unicodedecode");
        }
        finally
        {
            ArrayPool<char>.Shared.Return(chars);
        }
    }

    private static string Describe(ReadOnlySpan<byte> utf8, int position)
    {
        var rest = utf8[position..];
        var status = Rune.DecodeFromUtf8(rest, out _, out var consumed);
        if (status == OperationStatus.NeedMoreData)
        {
            var range = consumed == 1 ? $"byte 0x{rest[0]:x2} in position {position}" : $"bytes in position {position}-{position + consumed - 1}";
            return $"'utf-8' codec can't decode {range}: unexpected end of data";
        }
        var first = rest[0];
        var reason = first is (>= 0x80 and <= 0xC1) or >= 0xF5 ? "invalid start byte" : "invalid continuation byte";
        return $"'utf-8' codec can't decode byte 0x{first:x2} in position {position}: {reason}";
    }
}
