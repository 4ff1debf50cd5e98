using System.Globalization;
using System.Numerics;
using System.Text.RegularExpressions;

namespace Runwire.Core.Transformations.PyModules;

/// <summary>Python 3.11's int, float and imaginary literals, with underscores between digits.</summary>
internal static partial class PyNumberDecoder
{
    // CPython refuses to turn longer decimal literals into ints (sys.int_info.default_max_str_digits).
    private const int MaxDecimalDigits = 4300;

    [GeneratedRegex(@"^(?:0(?:_?0)*|[1-9](?:_?[0-9])*)$")]
    private static partial Regex Decimal();

    [GeneratedRegex(@"^0(?:[xX](?:_?[0-9a-fA-F])+|[oO](?:_?[0-7])+|[bB](?:_?[01])+)$")]
    private static partial Regex Radix();

    [GeneratedRegex(@"^(?:(?:[0-9](?:_?[0-9])*)?\.[0-9](?:_?[0-9])*|[0-9](?:_?[0-9])*\.?)(?:[eE][+-]?[0-9](?:_?[0-9])*)?[jJ]?$")]
    private static partial Regex FloatOrImaginary();

    public static PyValue Decode(string source, PyToken token)
    {
        var text = token.Text(source).ToString();
        if (Decimal().IsMatch(text))
        {
            var digits = text.Replace("_", "", StringComparison.Ordinal);
            return digits.Length > MaxDecimalDigits
                ? throw Error(token, $"Exceeds the limit ({MaxDecimalDigits} digits) for integer string conversion")
                : new PyValue.Int(BigInteger.Parse(digits, CultureInfo.InvariantCulture));
        }
        if (Radix().IsMatch(text))
        {
            var radix = char.ToLowerInvariant(text[1]) switch { 'x' => 16, 'o' => 8, _ => 2 };
            var value = BigInteger.Zero;
            foreach (var c in text.AsSpan(2))
            {
                if (c != '_')
                {
                    value = (value * radix) + Convert.ToInt32(c.ToString(), 16);
                }
            }
            return new PyValue.Int(value);
        }
        if (FloatOrImaginary().IsMatch(text) && (text.Contains('.', StringComparison.Ordinal) || text.AsSpan().ContainsAny("eEjJ")))
        {
            var imaginary = text[^1] is 'j' or 'J';
            var number = double.Parse(text.TrimEnd('j', 'J').Replace("_", "", StringComparison.Ordinal), NumberStyles.Float, CultureInfo.InvariantCulture);
            return imaginary ? new PyValue.Complex(0, number) : new PyValue.Float(number);
        }
        if (text.Length > 1 && text[0] == '0' && text.All(char.IsAsciiDigit))
        {
            throw Error(token, "leading zeros in decimal integer literals are not permitted; use an 0o prefix for octal integers");
        }
        var kind = text.Length > 1 && text[0] == '0' && char.ToLowerInvariant(text[1]) is 'x' or 'o' or 'b'
            ? char.ToLowerInvariant(text[1]) switch { 'x' => "hexadecimal", 'o' => "octal", _ => "binary" }
            : "decimal";
        throw Error(token, $"invalid {kind} literal '{text}'");
    }

    private static PySyntaxException Error(PyToken token, string problem) => new(problem, token.Line, token.Column);
}
