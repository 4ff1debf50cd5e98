using System.Text.Json;

namespace Runwire.Core.Codecs.Json;

/// <summary>Turns the current token of a <see cref="Utf8JsonReader"/> into a <see cref="TapeToken"/>.</summary>
internal static class TapeReader
{
    public static TapeToken Token(ref Utf8JsonReader reader, List<byte[]> unescaped)
    {
        var start = (int)reader.TokenStartIndex;
        switch (reader.TokenType)
        {
            case JsonTokenType.StartObject:
                return new TapeToken { Kind = TapeKind.Object, Offset = start };
            case JsonTokenType.StartArray:
                return new TapeToken { Kind = TapeKind.Array, Offset = start };
            case JsonTokenType.Null:
                return new TapeToken { Kind = TapeKind.Null };
            case JsonTokenType.True:
                return new TapeToken { Kind = TapeKind.True };
            case JsonTokenType.False:
                return new TapeToken { Kind = TapeKind.False };
            case JsonTokenType.Number:
                return new TapeToken { Kind = NumberKind(reader.ValueSpan), Offset = start, Length = reader.ValueSpan.Length };
            default:
                var kind = reader.TokenType == JsonTokenType.PropertyName ? TapeKind.PropertyName : TapeKind.String;
                if (!reader.ValueIsEscaped)
                {
                    // TokenStartIndex is the opening quote
                    return new TapeToken { Kind = kind, Offset = start + 1, Length = reader.ValueSpan.Length };
                }
                var buffer = new byte[reader.ValueSpan.Length];
                var written = reader.CopyString(buffer);
                unescaped.Add(buffer[..written]);
                return new TapeToken { Kind = kind, Escaped = true, Offset = unescaped.Count - 1, Length = written };
        }
    }

    private static TapeKind NumberKind(ReadOnlySpan<byte> text)
    {
        if (text.SequenceEqual(PyJsonText.NaNSentinel))
        {
            return TapeKind.NaN;
        }
        if (text.SequenceEqual(PyJsonText.InfinitySentinel))
        {
            return TapeKind.PositiveInfinity;
        }
        if (text.SequenceEqual(PyJsonText.NegativeInfinitySentinel))
        {
            return TapeKind.NegativeInfinity;
        }
        return text.IndexOfAny(".eE"u8) >= 0 ? TapeKind.Float : TapeKind.Integer;
    }
}
