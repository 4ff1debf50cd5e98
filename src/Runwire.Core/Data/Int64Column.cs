namespace Runwire.Core.Data;

/// <summary>int64 values; cannot hold missing values (pandas upcasts to float64 for that).</summary>
public sealed class Int64Column(long[] values) : Column
{
    public long[] Values { get; } = values;

    public override int Length => Values.Length;

    public override ColumnKind Kind => ColumnKind.Int64;

    public override object? GetValue(int position) => Values[position];

    public override bool IsMissing(int position) => false;

    public override double[] ToDoubles()
    {
        var result = new double[Values.Length];
        for (var i = 0; i < result.Length; i++)
        {
            result[i] = Values[i];
        }
        return result;
    }

    public override Column Take(ReadOnlySpan<int> positions)
    {
        var hasMissing = false;
        foreach (var p in positions)
        {
            hasMissing |= p < 0;
        }
        if (hasMissing)
        {
            var asFloat = new double[positions.Length];
            for (var i = 0; i < positions.Length; i++)
            {
                asFloat[i] = positions[i] < 0 ? double.NaN : Values[positions[i]];
            }
            return new Float64Column(asFloat);
        }
        var result = new long[positions.Length];
        for (var i = 0; i < positions.Length; i++)
        {
            result[i] = Values[positions[i]];
        }
        return new Int64Column(result);
    }
}
