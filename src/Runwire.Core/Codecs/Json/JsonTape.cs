using System.Globalization;
using System.Text;
using System.Runtime.InteropServices;
using System.Text.Json;

namespace Runwire.Core.Codecs.Json;

/// <summary>
/// A flat, read-only token list of one JSON document (like <see cref="JsonDocument"/>, but with Python's NaN/Infinity
/// tokens and raw access to property names): big inputs become a few arrays instead of a node per value.
/// </summary>
internal sealed class JsonTape
{
    private readonly byte[] _source;
    // kept as the List it was built in (no copy); read through a span
    private readonly List<TapeToken> _tokenList;
    private readonly List<byte[]> _unescaped;

    private JsonTape(byte[] source, List<TapeToken> tokens, List<byte[]> unescaped)
    {
        _source = source;
        _tokenList = tokens;
        _unescaped = unescaped;
    }

    public const int Root = 0;

    private Span<TapeToken> Tokens => CollectionsMarshal.AsSpan(_tokenList);

    public TapeKind Kind(int token) => Tokens[token].Kind;

    /// <summary>Children of an array, properties of an object.</summary>
    public int Count(int container) => Tokens[container].Count;

    /// <summary>The index just past the value at <paramref name="token"/> (its next sibling).</summary>
    public int Skip(int token) => Tokens[token].Kind is TapeKind.Object or TapeKind.Array ? Tokens[token].End : token + 1;

    /// <summary>Unescaped UTF-8 content of a string or property name; raw text of a number.</summary>
    public ReadOnlySpan<byte> Utf8(int token)
    {
        ref readonly var t = ref Tokens[token];
        return t.Escaped ? _unescaped[t.Offset] : _source.AsSpan(t.Offset, t.Length);
    }

    /// <summary>The raw JSON text of any value (containers included); escaped strings are returned re-escaped.</summary>
    public ReadOnlySpan<byte> RawValue(int token)
    {
        ref readonly var t = ref Tokens[token];
        return t.Kind is TapeKind.Object or TapeKind.Array ? _source.AsSpan(t.Offset, t.Length) : Utf8(token);
    }

    public string GetString(int token) => Encoding.UTF8.GetString(Utf8(token));

    /// <summary>Python's <c>int</c> of an integer token; null when it does not fit into a long.</summary>
    public long? GetInt64(int token) =>
        long.TryParse(Utf8(token), NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out var value) ? value : null;

    /// <summary>The float value of a number token (integers included), NaN and infinities for Python's tokens.</summary>
    public double GetDouble(int token) => Tokens[token].Kind switch
    {
        TapeKind.NaN => double.NaN,
        TapeKind.PositiveInfinity => double.PositiveInfinity,
        TapeKind.NegativeInfinity => double.NegativeInfinity,
        // A number token of valid JSON (the tape checked it): fast_float's exact parse, several times quicker than
        // double.Parse on the thousands of values a series brings, and rounded the same way (the nearest double).
        _ => csFastFloat.FastDoubleParser.ParseDouble(Utf8(token)),
    };

    /// <summary>Element indexes of an array.</summary>
    public int[] Elements(int array)
    {
        var result = new int[Count(array)];
        var next = array + 1;
        for (var i = 0; i < result.Length; i++)
        {
            result[i] = next;
            next = Skip(next);
        }
        return result;
    }

    /// <summary>
    /// Parses a whole document; null when it is not valid JSON (Python's extensions accepted). Throws
    /// <see cref="ValueParseException"/> when it nests deeper than <see cref="ValueParser.MaxDepth"/>: Python's
    /// <c>json.loads</c> raises RecursionError there rather than calling it invalid, and a result could not hold it.
    /// </summary>
    public static JsonTape? TryParse(byte[] utf8)
    {
        try
        {
            return Parse(utf8);
        }
        catch (Exception e) when (e is JsonException or InvalidOperationException)
        {
            return null;
        }
    }

    private static JsonTape Parse(byte[] utf8)
    {
        var reader = new Utf8JsonReader(utf8, new JsonReaderOptions { MaxDepth = ValueParser.MaxDepth + 1 });
        // about one token per 20 bytes for time series ("2020-01-01T00:00:00.000Z": 1.2345,)
        var tokens = new List<TapeToken>(utf8.Length / 20 + 4);
        var unescaped = new List<byte[]>();
        var open = new Stack<int>();
        while (reader.Read())
        {
            var type = reader.TokenType;
            var all = CollectionsMarshal.AsSpan(tokens);
            if (type is JsonTokenType.EndObject or JsonTokenType.EndArray)
            {
                ref var container = ref all[open.Pop()];
                container.End = tokens.Count;
                container.Length = (int)reader.TokenStartIndex + 1 - container.Offset;
                continue;
            }
            if (open.Count > 0 && (type == JsonTokenType.PropertyName || all[open.Peek()].Kind == TapeKind.Array))
            {
                all[open.Peek()].Count++;
            }
            tokens.Add(TapeReader.Token(ref reader, unescaped));
            if (type is JsonTokenType.StartObject or JsonTokenType.StartArray)
            {
                if (open.Count == ValueParser.MaxDepth)
                {
                    throw new ValueParseException($"the value is JSON nested deeper than {ValueParser.MaxDepth} levels, more than Runwire accepts");
                }
                open.Push(tokens.Count - 1);
            }
        }
        return new JsonTape(utf8, tokens, unescaped);
    }
}
