namespace Runwire.Core.Data;

/// <summary>The dtype of a column, the subset of numpy/pandas dtypes hetida's components produce.</summary>
public enum ColumnKind
{
    Float64,
    Int64,
    Bool,
    DateTime,
    Object,
}

/// <summary>
/// An immutable, typed column of values: the storage behind a <see cref="Series"/>, a <see cref="DataFrame"/> column or an index.
/// Boxed values follow the engine's value model: <see cref="double"/>, <see cref="long"/>, <see cref="bool"/>,
/// <see cref="DateTime"/> (Kind Utc = tz-aware UTC, Unspecified = naive), <see cref="string"/>, JSON nodes, or null for missing.
/// </summary>
public abstract class Column
{
    /// <summary>Number of entries.</summary>
    public abstract int Length { get; }

    /// <summary>The dtype.</summary>
    public abstract ColumnKind Kind { get; }

    /// <summary>The boxed value at a position; null for a missing value (NaN stays a double NaN in float columns).</summary>
    public abstract object? GetValue(int position);

    /// <summary>Whether the entry is missing in pandas' sense (NaN, NaT, None).</summary>
    public abstract bool IsMissing(int position);

    /// <summary>Selects positions; -1 yields a missing value (upcasting Int64 to Float64 and Bool to Object like pandas).</summary>
    public abstract Column Take(ReadOnlySpan<int> positions);

    /// <summary>The values as doubles (NaN for missing); throws TypeError for non-numeric data.</summary>
    public virtual double[] ToDoubles()
    {
        var result = new double[Length];
        for (var i = 0; i < result.Length; i++)
        {
            result[i] = GetValue(i) switch
            {
                null => double.NaN,
                double d => d,
                long l => l,
                bool b => b ? 1 : 0,
                int n => n,
                var other => throw new PyException("TypeError", $"could not convert {other} to float"),
            };
        }
        return result;
    }

    /// <summary>A column of all positions 0..n-1 (pandas RangeIndex).</summary>
    public static Int64Column Range(int length)
    {
        var values = new long[length];
        for (var i = 0; i < length; i++)
        {
            values[i] = i;
        }
        return new Int64Column(values);
    }

    /// <summary>Builds a column from boxed values, inferring the dtype the way pandas does for JSON input.</summary>
    public static Column FromValues(IReadOnlyList<object?> values)
    {
        bool allLong = true, allNumber = true, allBool = true, allDate = true, anyValue = false;
        bool? utc = null;
        foreach (var v in values)
        {
            switch (v)
            {
                case null:
                    allLong = false; allBool = false;
                    break;
                case long or int:
                    anyValue = true; allBool = false; allDate = false;
                    break;
                case double:
                    anyValue = true; allLong = false; allBool = false; allDate = false;
                    break;
                case bool:
                    anyValue = true; allLong = false; allNumber = false; allDate = false;
                    break;
                case DateTime dt:
                    anyValue = true; allLong = false; allNumber = false; allBool = false;
                    var isUtc = dt.Kind == DateTimeKind.Utc;
                    if (utc is null)
                    {
                        utc = isUtc;
                    }
                    else if (utc != isUtc)
                    {
                        allDate = false;
                    }
                    break;
                default:
                    anyValue = true; allLong = false; allNumber = false; allBool = false; allDate = false;
                    break;
            }
        }
        if (!anyValue)
        {
            // all missing (or empty): pandas gives float64 NaN for JSON null-only data
            var nan = new double[values.Count];
            Array.Fill(nan, double.NaN);
            return new Float64Column(nan);
        }
        if (allLong)
        {
            return new Int64Column([.. values.Select(v => Convert.ToInt64(v!))]);
        }
        if (allNumber)
        {
            return new Float64Column([.. values.Select(v => v is null ? double.NaN : Convert.ToDouble(v))]);
        }
        if (allBool)
        {
            return new BoolColumn([.. values.Select(v => (bool)v!)]);
        }
        if (allDate)
        {
            return new DateTimeColumn([.. values.Select(v => v is DateTime d ? d.Ticks : DateTimeColumn.NaT)], utc ?? false);
        }
        return new ObjectColumn([.. values]);
    }
}
