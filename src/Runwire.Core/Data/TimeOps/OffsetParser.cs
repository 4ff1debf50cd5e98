using System.Globalization;
using System.Text.RegularExpressions;

namespace Runwire.Core.Data.TimeOps;

/// <summary>
/// pandas' <c>to_offset</c> for strings (pandas 1.5): "5min", "2.5T", "17486.0S", "1D2h", "W-MON", ... Quirks kept on purpose:
/// only the upper-case tick aliases (D H T S L U N, min, ms, us, ns) take fractional strides ("1.5h" is invalid, "1.5H" is 90T),
/// and the sign of the first component applies to the later ones.
/// </summary>
internal static partial class OffsetParser
{
    [GeneratedRegex(@"([+\-]?\d*|[+\-]?\d*\.\d*)\s*([A-Za-z]+([\-][\dA-Za-z\-]+)?)", RegexOptions.CultureInvariant)]
    private static partial Regex Component();

    public static Offset Parse(string freq)
    {
        try
        {
            return ParseComponents(freq) ?? throw Invalid(freq);
        }
        catch (PyException e) when (e.TypeName is "ValueError" or "TypeError")
        {
            throw Invalid(freq);
        }
        catch (OverflowException)
        {
            throw Invalid(freq);
        }
    }

    private static PyException Invalid(string freq) => PyException.ValueError($"Invalid frequency: {freq}");

    private static Offset? ParseComponents(string freq)
    {
        Offset? delta = null;
        int? strideSign = null;
        var position = 0;
        var n = 0;
        foreach (Match match in Component().Matches(freq))
        {
            var separator = freq[position..match.Index];
            if (separator.Length > 0 && !separator.All(char.IsWhiteSpace))
            {
                throw PyException.ValueError("separator must be spaces");
            }
            position = match.Index + match.Length;
            var offset = ParseComponent(match.Groups[1].Value, match.Groups[2].Value, n, ref strideSign);
            delta = delta is null ? offset : Add(delta, offset);
            n++;
        }
        var tail = freq[position..];
        if (tail.Length > 0 && !tail.All(char.IsWhiteSpace))
        {
            throw PyException.ValueError("last element must be blank");
        }
        return delta;
    }

    private static Offset ParseComponent(string stride, string name, int n, ref int? strideSign)
    {
        var prefix = CalendarOffsets.Alias.GetValueOrDefault(name) ?? name;
        strideSign ??= stride.StartsWith('-') ? -1 : 1;
        if (stride.Length == 0)
        {
            stride = "1";
        }
        if (Offset.IsTickUnit(prefix))
        {
            var offset = MultiplyTick(Offset.Tick(prefix, 1), ParseFloat(stride));
            return n != 0 ? offset.Times(strideSign.Value) : offset;
        }
        if (!long.TryParse(stride, NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out var count))
        {
            throw PyException.ValueError($"invalid literal for int() with base 10: '{stride}'");
        }
        return CalendarOffsets.Named(name).Times(Math.Abs(count) * strideSign.Value);
    }

    private static double ParseFloat(string stride) =>
        double.TryParse(stride, NumberStyles.Float, CultureInfo.InvariantCulture, out var value)
            ? value
            : throw PyException.ValueError($"could not convert string to float: '{stride}'");

    /// <summary>pandas' <c>Tick * float</c>: keep the unit when the product is (nearly) whole, else move to a finer unit.</summary>
    internal static Offset MultiplyTick(Offset tick, double factor)
    {
        var product = factor * tick.N;
        var fraction = product % 1.0;
        if (fraction < 0)
        {
            fraction += 1.0;
        }
        // np.isclose(n % 1, 0) with its default atol of 1e-8
        if (fraction <= 1e-8)
        {
            return Offset.Tick(tick.Prefix, checked((long)product));
        }
        return MultiplyTick(NextHigherResolution(tick), factor);
    }

    private static Offset NextHigherResolution(Offset tick) => tick.Prefix switch
    {
        "D" => Offset.Tick("H", checked(tick.N * 24)),
        "H" => Offset.Tick("T", checked(tick.N * 60)),
        "T" => Offset.Tick("S", checked(tick.N * 60)),
        "S" => Offset.Tick("L", checked(tick.N * 1000)),
        "L" => Offset.Tick("U", checked(tick.N * 1000)),
        "U" => Offset.Tick("N", checked(tick.N * 1000)),
        _ => throw PyException.ValueError("Could not convert to integer offset at any resolution"),
    };

    private static Offset Add(Offset left, Offset right)
    {
        if (!left.IsTick || !right.IsTick)
        {
            throw PyException.TypeError($"Cannot add {left} and {right}");
        }
        return left.Prefix == right.Prefix
            ? Offset.Tick(left.Prefix, checked(left.N + right.N))
            : DeltaToTick(checked(left.Nanos + right.Nanos));
    }

    /// <summary>pandas' <c>delta_to_tick</c>: the coarsest tick unit that represents the duration exactly.</summary>
    internal static Offset DeltaToTick(long nanos)
    {
        const long second = 1_000_000_000;
        if (nanos % second == 0)
        {
            var seconds = nanos / second;
            return seconds % 86_400 == 0 ? Offset.Tick("D", seconds / 86_400)
                : seconds % 3_600 == 0 ? Offset.Tick("H", seconds / 3_600)
                : seconds % 60 == 0 ? Offset.Tick("T", seconds / 60)
                : Offset.Tick("S", seconds);
        }
        return nanos % 1_000_000 == 0 ? Offset.Tick("L", nanos / 1_000_000)
            : nanos % 1_000 == 0 ? Offset.Tick("U", nanos / 1_000)
            : Offset.Tick("N", nanos);
    }
}
