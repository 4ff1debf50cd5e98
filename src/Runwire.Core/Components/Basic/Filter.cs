using Runwire.Core.Components.Python;
using Runwire.Core.Data;

namespace Runwire.Core.Components.Basic;

/// <summary>
/// hetida "Filter": <c>data[filter_series.astype(bool).reindex(data.index, fill_value=False)]</c>: keeps the rows whose
/// label is True in the filter (NaN counts as True, labels absent from the filter as False).
/// </summary>
public sealed class Filter : IComponent
{
    public Guid Id { get; } = new("18260aab-bdd6-af5c-cac1-7bafde85188f");

    public IReadOnlyDictionary<string, object?> Run(ComponentInputs inputs)
    {
        var filter = inputs["filter_series"] as Series ?? throw PyErrors.NoAttribute(inputs["filter_series"], "astype");
        var mask = PyTruth.AsBool(filter.Values);
        var data = PandasArgs.AsPandas(inputs["data"], "index");
        var index = data is Series s ? s.Index : ((DataFrame)data).Index;
        var keep = Reindex(filter.Index, mask, index);
        int[] positions = [.. Enumerable.Range(0, keep.Length).Where(i => keep[i])];
        object filtered = data is Series series ? series.Take(positions) : ((DataFrame)data).Take(positions);
        return new Dictionary<string, object?> { ["filtered"] = filtered };
    }

    // reindex leaves an identical index alone; otherwise it needs unique labels to look them up.
    private static bool[] Reindex(Column filterIndex, bool[] mask, Column target)
    {
        if (IndexAlignment.Equal(filterIndex, target))
        {
            return mask;
        }
        var keys = IndexLabels.Keys(filterIndex);
        if (keys.Distinct().Count() != keys.Length)
        {
            throw PyException.ValueError("cannot reindex on an axis with duplicate labels");
        }
        var lookup = keys.Select((k, i) => (k, i)).ToDictionary(p => p.k, p => mask[p.i]);
        return [.. IndexLabels.Keys(target).Select(k => lookup.GetValueOrDefault(k, false))];
    }
}
