namespace Runwire.Core.Data;

/// <summary>float64 values; NaN marks a missing value.</summary>
public sealed class Float64Column(double[] values) : Column
{
    public double[] Values { get; } = values;

    public override int Length => Values.Length;

    public override ColumnKind Kind => ColumnKind.Float64;

    public override object? GetValue(int position) => Values[position];

    public override bool IsMissing(int position) => double.IsNaN(Values[position]);

    public override double[] ToDoubles() => Values;

    public override Column Take(ReadOnlySpan<int> positions)
    {
        var result = new double[positions.Length];
        for (var i = 0; i < positions.Length; i++)
        {
            result[i] = positions[i] < 0 ? double.NaN : Values[positions[i]];
        }
        return new Float64Column(result);
    }
}
