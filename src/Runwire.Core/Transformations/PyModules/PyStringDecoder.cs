using System.Globalization;
using System.Text;

namespace Runwire.Core.Transformations.PyModules;

/// <summary>
/// The value of one Python string token: prefixes r/u/b/f in any case and order Python allows, single, double and
/// triple quotes, and the escapes of str and bytes literals (Python 3.11's rules; unknown escapes stay as written).
/// </summary>
internal static class PyStringDecoder
{
    /// <summary>A decoded token; bytes hold one char per byte (0–255).</summary>
    public readonly record struct Part(string Value, bool IsBytes, bool IsFormatted);

    public static bool IsPrefix(ReadOnlySpan<char> letters) => letters.Length <= 2 && letters.ToString().ToLowerInvariant() switch
    {
        "r" or "u" or "b" or "f" or "br" or "rb" or "fr" or "rf" => true,
        _ => false,
    };

    /// <summary>Adjacent string tokens as the one str or bytes value Python makes of them.</summary>
    public static PyValue Concatenate(string source, List<PyToken> tokens)
    {
        var text = new StringBuilder();
        bool? bytes = null;
        var formatted = false;
        foreach (var token in tokens)
        {
            var part = Decode(source, token);
            if (bytes is not null && bytes != part.IsBytes)
            {
                throw new PySyntaxException("cannot mix bytes and nonbytes literals", token.Line, token.Column);
            }
            bytes = part.IsBytes;
            formatted |= part.IsFormatted;
            text.Append(part.Value);
        }
        return formatted
            ? throw PyTokenCursor.Malformed(tokens[0], "an f-string is not a literal")
            : bytes == true ? new PyValue.Bytes(text.ToString()) : new PyValue.Str(text.ToString());
    }

    public static Part Decode(string source, PyToken token)
    {
        var text = token.Text(source);
        var prefixLength = text.IndexOfAny('"', '\'');
        var prefix = text[..prefixLength].ToString().ToLowerInvariant();
        var quoteLength = text.Length - prefixLength >= 6 && text[prefixLength + 1] == text[prefixLength] && text[prefixLength + 2] == text[prefixLength] ? 3 : 1;
        var bodyStart = token.Start + prefixLength + quoteLength;
        var body = source.AsSpan(bodyStart, text.Length - prefixLength - 2 * quoteLength);
        var isBytes = prefix.Contains('b', StringComparison.Ordinal);
        if (prefix.Contains('f', StringComparison.Ordinal))
        {
            return new Part("", false, true);
        }
        if (isBytes && body.ContainsAnyExceptInRange('\0', '\x7f'))
        {
            throw Error(source, token, bodyStart + body.IndexOfAnyExceptInRange('\0', '\x7f'), "bytes can only contain ASCII literal characters");
        }
        if (prefix.Contains('r', StringComparison.Ordinal) || !body.Contains('\\'))
        {
            return new Part(body.ToString(), isBytes, false);
        }
        return new Part(Unescape(source, token, bodyStart, body, isBytes), isBytes, false);
    }

    private static string Unescape(string source, PyToken token, int bodyStart, ReadOnlySpan<char> body, bool isBytes)
    {
        var sb = new StringBuilder(body.Length);
        for (var i = 0; i < body.Length; i++)
        {
            if (body[i] != '\\')
            {
                sb.Append(body[i]);
                continue;
            }
            var at = bodyStart + i;
            var c = body[++i];
            switch (c)
            {
                case '\n':
                    break;
                case '\\' or '\'' or '"':
                    sb.Append(c);
                    break;
                case 'a': sb.Append('\a'); break;
                case 'b': sb.Append('\b'); break;
                case 'f': sb.Append('\f'); break;
                case 'n': sb.Append('\n'); break;
                case 'r': sb.Append('\r'); break;
                case 't': sb.Append('\t'); break;
                case 'v': sb.Append('\v'); break;
                case >= '0' and <= '7':
                    var octal = 0;
                    var end = Math.Min(i + 3, body.Length);
                    for (; i < end && body[i] is >= '0' and <= '7'; i++)
                    {
                        octal = (octal * 8) + (body[i] - '0');
                    }
                    i--;
                    // Python 3.11 keeps values above 0o377: the code point in str, the low byte in bytes.
                    sb.Append((char)(isBytes ? octal & 0xFF : octal));
                    break;
                case 'x':
                    sb.Append((char)Hex(source, token, at, body, ref i, 2, "truncated \\xXX escape"));
                    break;
                case 'u' when !isBytes:
                    sb.Append((char)Hex(source, token, at, body, ref i, 4, "truncated \\uXXXX escape"));
                    break;
                case 'U' when !isBytes:
                    var code = Hex(source, token, at, body, ref i, 8, "truncated \\UXXXXXXXX escape");
                    if (code > 0x10FFFF)
                    {
                        throw Error(source, token, at, "illegal Unicode character in \\U escape");
                    }
                    sb.Append(code is >= 0xD800 and <= 0xDFFF ? ((char)code).ToString() : char.ConvertFromUtf32(code));
                    break;
                case 'N' when !isBytes:
                    throw Error(source, token, at, "\\N{...} named Unicode escapes are not supported; write the character or a \\u escape");
                default:
                    sb.Append('\\').Append(c);
                    break;
            }
        }
        return sb.ToString();
    }

    private static int Hex(string source, PyToken token, int at, ReadOnlySpan<char> body, ref int i, int digits, string problem)
    {
        if (i + digits >= body.Length || !uint.TryParse(body.Slice(i + 1, digits), NumberStyles.AllowHexSpecifier, CultureInfo.InvariantCulture, out var value))
        {
            throw Error(source, token, at, problem);
        }
        i += digits;
        return value > 0x10FFFF ? int.MaxValue : (int)value;
    }

    private static PySyntaxException Error(string source, PyToken token, int offset, string problem)
    {
        var lineStart = source.LastIndexOf('\n', Math.Max(offset - 1, 0)) + 1;
        var line = token.Line + source.AsSpan(token.Start, offset - token.Start).Count('\n');
        return new PySyntaxException(problem, line, offset - lineStart + 1);
    }
}
