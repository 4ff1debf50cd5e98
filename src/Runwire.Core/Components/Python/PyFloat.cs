using Runwire.Core.Data;

namespace Runwire.Core.Components.Python;

/// <summary>Python float arithmetic (CPython's floatobject.c rules); numpy shares the division helpers but not the exceptions.</summary>
internal static class PyFloat
{
    public static double TrueDivide(double a, double b) =>
        b == 0 ? throw PyException.ZeroDivision("float division by zero") : a / b;

    public static double FloorDivide(double a, double b) =>
        b == 0 ? throw PyException.ZeroDivision("float floor division by zero") : DivMod(a, b, out _);

    public static double Modulo(double a, double b)
    {
        if (b == 0)
        {
            throw PyException.ZeroDivision("float modulo");
        }
        DivMod(a, b, out var mod);
        return mod;
    }

    /// <summary>Floor quotient and remainder with the divisor's sign (b must not be 0).</summary>
    public static double DivMod(double a, double b, out double mod)
    {
        mod = a % b;
        var div = (a - mod) / b;
        if (mod != 0)
        {
            if (b < 0 != mod < 0)
            {
                mod += b;
                div -= 1.0;
            }
        }
        else
        {
            mod = Math.CopySign(0.0, b);
        }
        if (div != 0)
        {
            var floor = Math.Floor(div);
            return div - floor > 0.5 ? floor + 1.0 : floor;
        }
        return Math.CopySign(0.0, a / b);
    }

    /// <summary><c>a ** b</c> for floats: Python's special cases, ZeroDivisionError for 0 ** negative, OverflowError for inf results.</summary>
    public static double Power(double a, double b)
    {
        if (b == 0)
        {
            return 1.0;
        }
        if (double.IsNaN(a))
        {
            return a;
        }
        if (double.IsNaN(b))
        {
            return a == 1.0 ? 1.0 : b;
        }
        if (double.IsInfinity(b) || double.IsInfinity(a))
        {
            return Math.Pow(a, b);
        }
        var bIsOddInteger = Math.Floor(b) == b && Math.Abs(b % 2.0) == 1.0;
        if (a == 0)
        {
            return b < 0
                ? throw PyException.ZeroDivision("0.0 cannot be raised to a negative power")
                : bIsOddInteger ? a : 0.0;
        }
        if (a < 0 && Math.Floor(b) != b)
        {
            // CPython returns a complex number here; the value model has none.
            throw PyErrors.NotSupported($"the complex result of ({PyText.Str(a)}) ** {PyText.Str(b)}");
        }
        var result = Math.Pow(a, b);
        return double.IsInfinity(result) ? throw PyErrors.FloatOverflow() : result;
    }
}
