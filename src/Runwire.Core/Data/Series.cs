using System.Text.Json.Nodes;

namespace Runwire.Core.Data;

/// <summary>A pandas-like Series: an index column, a value column of the same length, a name and <c>.attrs</c> metadata.</summary>
public sealed class Series
{
    public Series(Column index, Column values, string? name = null, JsonObject? attrs = null)
    {
        if (index.Length != values.Length)
        {
            throw new PyException("ValueError", $"Length of values ({values.Length}) does not match length of index ({index.Length})");
        }
        Index = index;
        Values = values;
        Name = name;
        Attrs = attrs ?? [];
    }

    public Column Index { get; }

    public Column Values { get; }

    public string? Name { get; }

    /// <summary>pandas <c>.attrs</c>; hetida carries it as <c>__metadata__</c>.</summary>
    public JsonObject Attrs { get; }

    public int Length => Values.Length;

    /// <summary>A series over a RangeIndex 0..n-1.</summary>
    public static Series FromValues(Column values, string? name = null) => new(Column.Range(values.Length), values, name);

    public Series WithName(string? name) => new(Index, Values, name, CloneAttrs());

    public Series WithValues(Column values) => new(Index, values, Name, CloneAttrs());

    public Series WithAttrs(JsonObject attrs) => new(Index, Values, Name, attrs);

    /// <summary>Selects rows by position (-1 gives a missing row).</summary>
    public Series Take(ReadOnlySpan<int> positions) => new(Index.Take(positions), Values.Take(positions), Name, CloneAttrs());

    /// <summary>A deep copy of <see cref="Attrs"/> (pandas propagates attrs to derived objects).</summary>
    public JsonObject CloneAttrs() => (JsonObject)Attrs.DeepClone();

    /// <summary>Stable sort by index (pandas <c>sort_index()</c>; missing labels last).</summary>
    // Series are immutable, so an already sorted one is returned as it is (pandas would copy).
    public Series SortIndex(bool ascending = true) => Ordering.SortPositions(Index, ascending) is { } order ? Take(order) : this;

    /// <summary>Rows whose value is not missing (pandas <c>dropna()</c>).</summary>
    public Series DropNa()
    {
        var keep = new List<int>(Length);
        for (var i = 0; i < Length; i++)
        {
            if (!Values.IsMissing(i))
            {
                keep.Add(i);
            }
        }
        return keep.Count == Length ? this : Take(keep.ToArray());
    }
}
