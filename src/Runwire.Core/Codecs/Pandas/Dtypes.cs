using Runwire.Core.Codecs.Scalars;
using Runwire.Core.Data;

namespace Runwire.Core.Codecs.Pandas;

/// <summary>
/// pandas 1.5 <c>read_json</c>'s dtype handling of one column (<c>Parser._try_convert_data</c>): the dtype the
/// constructor infers, then dates (optionally), then object → float64 and float64 → int64 where values allow.
/// </summary>
internal static class Dtypes
{
    public static NpDtype Infer(Cells cells)
    {
        bool anyInt = false, anyFloat = false, anyNull = false, anyBool = false;
        for (var i = 0; i < cells.Length; i++)
        {
            switch (cells.Kind(i))
            {
                case CellKind.Integer: anyInt = true; break;
                case CellKind.Float or CellKind.Missing: anyFloat = true; break;
                case CellKind.Null: anyNull = true; break;
                case CellKind.Bool: anyBool = true; break;
                default: return NpDtype.Object;
            }
        }
        if (anyBool)
        {
            return anyInt || anyFloat || anyNull ? NpDtype.Object : NpDtype.Bool;
        }
        if (!anyInt && !anyFloat)
        {
            // empty, or only None
            return NpDtype.Object;
        }
        return anyFloat || anyNull ? NpDtype.Float64 : NpDtype.Int64;
    }

    /// <summary>The column as the constructor builds it, without conversions.</summary>
    public static Column Materialize(Cells cells, NpDtype dtype)
    {
        var n = cells.Length;
        switch (dtype)
        {
            case NpDtype.Int64:
                var longs = new long[n];
                for (var i = 0; i < n; i++)
                {
                    longs[i] = cells.Int64(i);
                }
                return new Int64Column(longs);
            case NpDtype.Float64:
                return new Float64Column(cells.Doubles());
            case NpDtype.Bool:
                var bools = new bool[n];
                for (var i = 0; i < n; i++)
                {
                    bools[i] = cells.Bool(i);
                }
                return new BoolColumn(bools);
            default:
                var objects = new object?[n];
                for (var i = 0; i < n; i++)
                {
                    objects[i] = cells.Box(i);
                }
                return new ObjectColumn(objects);
        }
    }

    /// <summary><c>_try_convert_data</c> for values (<c>dtype=True</c>): dates when asked, else numeric coercion.</summary>
    public static Column ConvertValues(Cells cells, bool convertDates, DateUnits units) =>
        (convertDates ? DateConversion.TryConvert(cells, units) : null) ?? Numeric(cells);

    /// <summary>
    /// <c>_try_convert_data</c> for an axis: dates first; numeric coercion is dropped for a non-empty index of
    /// <c>orient="split"</c>, which keeps the constructor's dtype.
    /// </summary>
    public static Column ConvertAxis(Cells cells, bool keepDtype, DateUnits units) =>
        DateConversion.TryConvert(cells, units)
        ?? (keepDtype && cells.Length > 0 ? Materialize(cells, cells.Dtype) : Numeric(cells));

    public static Column Numeric(Cells cells)
    {
        var dtype = cells.Dtype;
        double[]? floats = null;
        if (dtype == NpDtype.Object)
        {
            floats = TryFloats(cells);
            if (floats is null)
            {
                return Materialize(cells, dtype);
            }
        }
        else if (dtype == NpDtype.Float64)
        {
            // Cells live for one column's conversion only, so their parsed doubles can become the column
            floats = cells.Doubles();
        }
        if (floats is null)
        {
            return Materialize(cells, dtype);
        }
        return floats.Length > 0 && AsInt64(floats) is { } longs ? new Int64Column(longs) : new Float64Column(floats);
    }

    // numpy's astype(float64) of an object array: float() of every element, None → NaN.
    private static double[]? TryFloats(Cells cells)
    {
        var result = new double[cells.Length];
        for (var i = 0; i < result.Length; i++)
        {
            switch (cells.Kind(i))
            {
                case CellKind.Missing or CellKind.Null: result[i] = double.NaN; break;
                case CellKind.Integer or CellKind.Float: result[i] = cells.Double(i); break;
                case CellKind.Bool: result[i] = cells.Bool(i) ? 1 : 0; break;
                case CellKind.String when PyFloat.TryParse(cells.String(i), out var d): result[i] = d; break;
                default: return null;
            }
        }
        return result;
    }

    // astype(int64) keeps the result only when it equals the floats (pandas refuses NaN/inf outright).
    private static long[]? AsInt64(double[] floats)
    {
        var result = new long[floats.Length];
        for (var i = 0; i < floats.Length; i++)
        {
            var f = floats[i];
            if (!double.IsFinite(f) || f != Math.Truncate(f) || f < -9.2233720368547758E18 || f >= 9.2233720368547758E18)
            {
                return null;
            }
            result[i] = (long)f;
        }
        return result;
    }
}
