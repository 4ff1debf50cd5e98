namespace Runwire.Core.Data;

/// <summary>object values (strings, mixed values, None).</summary>
public sealed class ObjectColumn(object?[] values) : Column
{
    public object?[] Values { get; } = values;

    /// <summary>
    /// pandas' <c>"string"</c> dtype rather than <c>object</c> (strings and missing values only): what hetida makes of a
    /// MULTITSFRAME's <c>metric</c> column, kept so that Python component code sees the dtype it would see in hetida.
    /// </summary>
    public bool IsStringDtype { get; init; }

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
        return new ObjectColumn(result) { IsStringDtype = IsStringDtype };
    }
}
