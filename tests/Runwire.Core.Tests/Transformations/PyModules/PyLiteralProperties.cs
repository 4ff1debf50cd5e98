using System.Globalization;
using System.Numerics;
using System.Text;
using FsCheck;
using FsCheck.Fluent;
using FsCheck.Xunit;
using Runwire.Core.Transformations.PyModules;

namespace Runwire.Core.Tests.Transformations.PyModules;

/// <summary>Values written as Python source in every spelling Python allows read back as the same value.</summary>
public sealed class PyLiteralProperties
{
    private static readonly string[] Quotes = ["'", "\"", "'''", "\"\"\""];

    // Code units of every sort: printable ASCII, quotes and backslashes, controls, Latin-1, BMP, surrogates (paired or not).
    private static readonly Gen<char> Chars = Gen.Frequency(
        (6, Gen.Choose(0x20, 0x7e).Select(c => (char)c)),
        (3, Gen.Elements('\'', '"', '\\', '\n', '\r', '\t', '\0', '{', '}')),
        (1, Gen.Choose(0, 0x1f).Select(c => (char)c)),
        (2, Gen.Choose(0x80, 0xff).Select(c => (char)c)),
        (2, Gen.Choose(0x100, 0xd7ff).Select(c => (char)c)),
        (1, Gen.Choose(0xd800, 0xdfff).Select(c => (char)c)));

    private static readonly Gen<string> Strings = Chars.ListOf().Select(cs => new string([.. cs]));

    /// <summary>One char as it may be written in a (non-raw) literal quoted with <paramref name="quote"/>.</summary>
    private static Gen<string> Spell(char c, string quote)
    {
        var forced = c == '\\' ? "\\\\" : quote.Contains(c, StringComparison.Ordinal) ? "\\" + c : c is '\n' && quote.Length == 1 ? "\\n" : null;
        if (forced is not null)
        {
            return Gen.Constant(forced);
        }
        var options = new List<string> { $"\\u{(int)c:x4}", $"\\U{(int)c:X8}" };
        if ((c >= 0x20 && c != 0x7f) || (c == '\n' && quote.Length == 3))
        {
            options.Add(c.ToString());
        }
        if (c < 0x100)
        {
            options.Add($"\\x{(int)c:X2}");
            options.Add("\\" + Convert.ToString((int)c, 8).PadLeft(3, '0'));
        }
        if (c is >= (char)0xd800 and <= (char)0xdfff)
        {
            options.Remove($"\\U{(int)c:X8}");
        }
        return Gen.Elements(options.ToArray());
    }

    private static Gen<string> Literal(string text) =>
        from quote in Gen.Elements(Quotes)
        from prefix in Gen.Elements("", "u", "U")
        from parts in Gen.CollectToList(text.Select(c => Spell(c, quote)))
        select prefix + quote + string.Concat(parts) + quote;

    /// <summary>The string cut into up to three implicitly concatenated literals, across lines inside parentheses.</summary>
    private static Gen<(string Value, string Source)> StringSources =>
        from text in Strings
        from cut1 in Gen.Choose(0, text.Length)
        from cut2 in Gen.Choose(cut1, text.Length)
        from a in Literal(text[..cut1])
        from b in Literal(text[cut1..cut2])
        from c in Literal(text[cut2..])
        from layout in Gen.Elements(" ", "\n  ", " \\\n", "  # note\n")
        select (text, $"({a}{layout}{b} {c})");

    [Property(MaxTest = 300)]
    public Property Str_AnySpelling_ReadsBackTheSameText() =>
        Prop.ForAll(Arb.From(StringSources), s => Assert.Equal(s.Value, Assert.IsType<PyValue.Str>(PyLiteralParser.Parse(s.Source)).Value));

    private static readonly Gen<BigInteger> Integers = Gen.Frequency(
        (3, Gen.Choose(-1000, 1000).Select(i => new BigInteger(i))),
        (2, Gen.Choose(1, 40).SelectMany(n => Gen.Choose(0, 255).ArrayOf(n)).SelectMany(bytes =>
            Gen.Elements(1, -1).Select(sign => sign * new BigInteger([.. bytes.Select(b => (byte)b)], isUnsigned: true)))));

    private static Gen<string> Underscored(string digits) =>
        Gen.CollectToList(digits.Select((d, i) => i == 0 ? Gen.Constant(d.ToString()) : Gen.Elements(d.ToString(), "_" + d)))
            .Select(string.Concat);

    private static Gen<string> IntSource(BigInteger value)
    {
        var magnitude = BigInteger.Abs(value);
        var sign = value.Sign < 0 ? "-" : "";
        return from radix in Gen.Elements("", "0x", "0X", "0o", "0b")
               from digits in Underscored(radix switch
               {
                   "" => magnitude.ToString(CultureInfo.InvariantCulture),
                   "0x" or "0X" => magnitude.ToString("x", CultureInfo.InvariantCulture),
                   "0o" => ToBase(magnitude, 8),
                   _ => ToBase(magnitude, 2),
               })
               from underscore in Gen.Elements("", "_")
               select sign + radix + (radix.Length > 0 ? underscore : "") + digits;
    }

    private static string ToBase(BigInteger value, int radix)
    {
        var sb = new StringBuilder();
        do
        {
            sb.Insert(0, (char)('0' + (int)(value % radix)));
            value /= radix;
        }
        while (value > 0);
        return sb.ToString();
    }

    [Property(MaxTest = 300)]
    public Property Int_AnyRadixAndUnderscores_ReadsBackTheSameValue() =>
        Prop.ForAll(Arb.From(Integers.SelectMany(v => IntSource(v).Select(s => (v, s)))), p =>
            Assert.Equal(p.v, Assert.IsType<PyValue.Int>(PyLiteralParser.Parse(p.s)).Value));

    private static readonly Gen<double> Doubles = Gen.Choose(int.MinValue, int.MaxValue).Two()
        .Select(t => BitConverter.Int64BitsToDouble(((long)t.Item1 << 32) | (uint)t.Item2))
        .Where(double.IsFinite);

    [Property(MaxTest = 300)]
    public Property Float_RoundTripText_ReadsBackTheSameBits() =>
        Prop.ForAll(Arb.From(Doubles), value =>
        {
            var text = value.ToString("R", CultureInfo.InvariantCulture);
            text = text.AsSpan().ContainsAny(".E") ? text : text + ".0";
            var parsed = Assert.IsType<PyValue.Float>(PyLiteralParser.Parse(text)).Value;
            Assert.Equal(BitConverter.DoubleToInt64Bits(value), BitConverter.DoubleToInt64Bits(parsed));
        });

    [Property(MaxTest = 200)]
    public Property Nested_WrittenWithAnyLayout_ReadsBackTheSameValue() =>
        Prop.ForAll(Arb.From(PyValueSources.Values), v =>
            Assert.Equal(PyCanon.Of(v.Value), PyCanon.Of(PyLiteralParser.Parse(v.Source))));
}
