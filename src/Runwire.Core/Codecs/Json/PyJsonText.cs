using System.Text;

namespace Runwire.Core.Codecs.Json;

/// <summary>
/// Prepares text for System.Text.Json with Python's <c>json.loads</c> extensions: the bare tokens <c>NaN</c>,
/// <c>Infinity</c> and <c>-Infinity</c>, which Python (and pandas' ujson) accept but System.Text.Json rejects,
/// are rewritten to sentinel numbers that <see cref="JsonTape"/> maps back.
/// </summary>
internal static class PyJsonText
{
    // Valid JSON numbers that no real payload contains; only their exact spelling is recognised.
    internal static ReadOnlySpan<byte> NaNSentinel => "0.0E-7777777777777777771"u8;

    internal static ReadOnlySpan<byte> InfinitySentinel => "0.0E-7777777777777777772"u8;

    internal static ReadOnlySpan<byte> NegativeInfinitySentinel => "-0.0E-7777777777777777772"u8;

    public static byte[] ToUtf8(string text) => Rewrite(Encoding.UTF8.GetBytes(text));

    /// <summary>Returns <paramref name="utf8"/> itself when it has no extension tokens, else a rewritten copy.</summary>
    public static byte[] Rewrite(byte[] utf8)
    {
        // Every extension token (NaN, Infinity, -Infinity) contains an 'N' or an 'I'; most payloads have neither.
        if (utf8.AsSpan().IndexOfAny((byte)'N', (byte)'I') < 0)
        {
            return utf8;
        }
        List<byte>? output = null;
        var copiedUpTo = 0;
        var inString = false;
        for (var i = 0; i < utf8.Length; i++)
        {
            var b = utf8[i];
            if (inString)
            {
                if (b == (byte)'\\')
                {
                    i++;
                }
                else if (b == (byte)'"')
                {
                    inString = false;
                }
                continue;
            }
            if (b == (byte)'"')
            {
                inString = true;
                continue;
            }
            var token = Match(utf8.AsSpan(i), out var sentinel);
            if (token == 0)
            {
                continue;
            }
            output ??= new List<byte>(utf8.Length + 32);
            output.AddRange(utf8.AsSpan(copiedUpTo, i - copiedUpTo));
            output.AddRange(sentinel);
            i += token - 1;
            copiedUpTo = i + 1;
        }
        if (output is null)
        {
            return utf8;
        }
        output.AddRange(utf8.AsSpan(copiedUpTo));
        return [.. output];
    }

    private static int Match(ReadOnlySpan<byte> rest, out ReadOnlySpan<byte> sentinel)
    {
        if (rest.StartsWith("NaN"u8))
        {
            sentinel = NaNSentinel;
            return 3;
        }
        if (rest.StartsWith("Infinity"u8))
        {
            sentinel = InfinitySentinel;
            return 8;
        }
        if (rest.StartsWith("-Infinity"u8))
        {
            sentinel = NegativeInfinitySentinel;
            return 9;
        }
        sentinel = default;
        return 0;
    }
}
