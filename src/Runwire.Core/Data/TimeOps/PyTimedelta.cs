using System.Numerics;

namespace Runwire.Core.Data.TimeOps;

/// <summary>
/// Python's <c>datetime.timedelta(seconds=x)</c> for a float <c>x</c> (CPython rounds the leftover fraction of a microsecond
/// half-to-even) and pandas' <c>Timestamp + timedelta</c>, with the errors both raise when the value does not fit.
/// </summary>
public static class PyTimedelta
{
    private const long MaxDays = 999_999_999;
    private const long MicrosPerDay = 86_400_000_000;

    /// <summary>The whole microseconds CPython's <c>timedelta(seconds=...)</c> holds for a float number of seconds.</summary>
    public static BigInteger MicrosecondsFromSeconds(double seconds)
    {
        if (double.IsNaN(seconds))
        {
            throw PyException.ValueError("cannot convert float NaN to integer");
        }
        if (double.IsInfinity(seconds))
        {
            throw new PyException("OverflowError", "cannot convert float infinity to integer");
        }
        var whole = Math.Truncate(seconds);
        var micros = new BigInteger(whole) * 1_000_000;
        var fraction = seconds - whole;
        if (fraction != 0)
        {
            var scaled = fraction * 1e6;
            var wholeMicros = Math.Truncate(scaled);
            micros += new BigInteger(wholeMicros);
            micros += RoundLeftover(scaled - wholeMicros, micros);
        }
        var days = BigInteger.Divide(micros - PositiveMod(micros, MicrosPerDay), MicrosPerDay);
        if (days > int.MaxValue || days < int.MinValue)
        {
            throw new PyException("OverflowError", "Python int too large to convert to C int");
        }
        if (BigInteger.Abs(days) > MaxDays)
        {
            throw new PyException("OverflowError", $"days={days}; must have magnitude <= {MaxDays}");
        }
        return micros;
    }

    /// <summary>pandas' <c>Timestamp + timedelta</c> in nanoseconds, with pandas' overflow errors.</summary>
    public static long AddToTimestamp(long timestampNs, BigInteger micros)
    {
        if (micros > long.MaxValue || micros < long.MinValue)
        {
            throw new PyException("OutOfBoundsTimedelta", "Python int too large to convert to C long");
        }
        var nanos = micros * 1000;
        if (nanos > long.MaxValue || nanos < long.MinValue)
        {
            throw new PyException("OutOfBoundsTimedelta", $"Cannot cast {Format(micros)} to unit=ns without overflow.");
        }
        var sum = timestampNs + nanos;
        if (sum > long.MaxValue || sum <= long.MinValue)
        {
            throw new PyException("OutOfBoundsDatetime", $"Out of bounds nanosecond timestamp: {sum}");
        }
        return (long)sum;
    }

    /// <summary>Python's <c>str(timedelta)</c>, e.g. <c>-200000 days, 0:00:00</c> or <c>1 day, 2:03:04.000005</c>.</summary>
    public static string Format(BigInteger micros)
    {
        var rest = PositiveMod(micros, MicrosPerDay);
        var days = (micros - rest) / MicrosPerDay;
        var us = (long)rest;
        var text = $"{us / 3_600_000_000}:{us / 60_000_000 % 60:00}:{us / 1_000_000 % 60:00}";
        if (us % 1_000_000 != 0)
        {
            text += $".{us % 1_000_000:000000}";
        }
        return days == 0 ? text : $"{days} day{(BigInteger.Abs(days) != 1 ? "s" : "")}, {text}";
    }

    // CPython rounds the sub-microsecond leftover half-to-even against the parity of the total so far.
    private static BigInteger RoundLeftover(double leftover, BigInteger sofar)
    {
        var whole = Math.Round(leftover, MidpointRounding.AwayFromZero);
        if (Math.Abs(whole - leftover) == 0.5)
        {
            var odd = sofar.IsEven ? 0 : 1;
            whole = 2.0 * Math.Round((leftover + odd) * 0.5, MidpointRounding.AwayFromZero) - odd;
        }
        return new BigInteger(whole);
    }

    private static BigInteger PositiveMod(BigInteger value, long divisor)
    {
        var r = BigInteger.Remainder(value, divisor);
        return r < 0 ? r + divisor : r;
    }
}
