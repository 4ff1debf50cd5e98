using Runwire.Core.Data;

namespace Runwire.Core.Components.Python;

/// <summary>pandas' <c>Series.diff()</c> (periods=1): NaN first, float64 for numbers, xor for bools, Python - for objects.</summary>
internal static class PandasDiff
{
    public static Column Diff(Column values)
    {
        var n = values.Length;
        switch (values)
        {
            case Float64Column or Int64Column:
                var result = new double[n];
                var (f, l) = (values as Float64Column, values as Int64Column);
                for (var i = 0; i < n; i++)
                {
                    result[i] = i == 0 ? double.NaN : f is not null ? f.Values[i] - f.Values[i - 1] : unchecked(l!.Values[i] - l.Values[i - 1]);
                }
                return new Float64Column(result);
            case BoolColumn b:
                return new ObjectColumn([.. Enumerable.Range(0, n).Select(i => i == 0 ? (object?)double.NaN : b.Values[i] ^ b.Values[i - 1])]);
            case DateTimeColumn:
                throw PyErrors.NotSupported("diff of datetime values (Timedelta results)");
            default:
                return new ObjectColumn([.. Enumerable.Range(0, n).Select(i =>
                    i == 0 ? double.NaN : PyScalar.Binary(BinaryOp.Subtract, values.GetValue(i), values.GetValue(i - 1)))]);
        }
    }
}
