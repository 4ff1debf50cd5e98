namespace Runwire.Core.Data;

/// <summary>bool values; cannot hold missing values (pandas upcasts to object for that).</summary>
public sealed class BoolColumn(bool[] values) : Column
{
    public bool[] Values { get; } = values;

    public override int Length => Values.Length;

    public override ColumnKind Kind => ColumnKind.Bool;

    public override object? GetValue(int position) => Values[position];

    public override bool IsMissing(int position) => false;

    public override Column Take(ReadOnlySpan<int> positions)
    {
        var hasMissing = false;
        foreach (var p in positions)
        {
            hasMissing |= p < 0;
        }
        if (hasMissing)
        {
            var boxed = new object?[positions.Length];
            for (var i = 0; i < positions.Length; i++)
            {
                boxed[i] = positions[i] < 0 ? null : Values[positions[i]];
            }
            return new ObjectColumn(boxed);
        }
        var result = new bool[positions.Length];
        for (var i = 0; i < positions.Length; i++)
        {
            result[i] = Values[positions[i]];
        }
        return new BoolColumn(result);
    }
}
