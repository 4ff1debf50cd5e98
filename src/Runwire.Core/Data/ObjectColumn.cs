namespace Runwire.Core.Data;

/// <summary>object values (strings, mixed values, None).</summary>
public sealed class ObjectColumn(object?[] values) : Column
{
    public object?[] Values { get; } = values;

    public override int Length => Values.Length;

    public override ColumnKind Kind => ColumnKind.Object;

    public override object? GetValue(int position) => Values[position];

    public override bool IsMissing(int position) => Values[position] is null or double.NaN;

    public override Column Take(ReadOnlySpan<int> positions)
    {
        var result = new object?[positions.Length];
        for (var i = 0; i < positions.Length; i++)
        {
            result[i] = positions[i] < 0 ? null : Values[positions[i]];
        }
        return new ObjectColumn(result);
    }
}
