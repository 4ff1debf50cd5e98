using System.Text.Json.Nodes;
using Runwire.Core.Data;
using Runwire.Core.Data.TimeOps;

namespace Runwire.Core.Components.DataQuality;

/// <summary>
/// "Interpolate Timeseries" (hetida .py component, 0.1.4): on the sorted union of both indexes, values where
/// <c>filter_series</c> is True are dropped and re-interpolated with <c>Series.interpolate(**interpolation_params)</c>.
/// Methods other than "time" see the index as seconds since the first timestamp (a running sum, as hetida computes it).
/// hetida calls <c>Index.union(sort=True)</c>, which needs pandas 2; Runwire follows pandas 2 and sorts.
/// </summary>
public sealed class InterpolateTimeseries : IComponent
{
    public Guid Id { get; } = new("47c145cb-acce-442e-9f57-31446172a49a");

    public IReadOnlyDictionary<string, object?> Run(ComponentInputs inputs)
    {
        var timeseries = inputs.Series("timeseries");
        var filter = inputs.Series("filter_series");
        var parameters = inputs.GetOrDefault("interpolation_params", new JsonObject { ["method"] = "time" });
        var combined = SortedUnion(timeseries.Index, filter.Index);
        var inFilter = MarkFiltered(combined, filter);
        var values = Prepared(combined, timeseries, inFilter);
        if (parameters is not JsonObject kwargs)
        {
            throw new PyException("AttributeError", $"'{Ordering.PyTypeName(parameters)}' object has no attribute 'get'");
        }
        var method = kwargs.TryGetPropertyValue("method", out var m) && m?.GetValueKind() == System.Text.Json.JsonValueKind.String ? m.GetValue<string>() : null;
        var index = method != "time" && combined is DateTimeColumn dates ? ElapsedSeconds(dates) : combined;
        SeriesInterpolation.Interpolate(values, index, kwargs);
        var filtered = Enumerable.Range(0, combined.Length).Where(i => inFilter[i]).ToArray();
        var interpolated = new Series(combined, new Float64Column(values));
        return new Dictionary<string, object?>
        {
            ["interpolated_timeseries"] = interpolated,
            ["new_values"] = interpolated.Take(filtered),
        };
    }

    private static Column SortedUnion(Column a, Column b)
    {
        var union = IndexUnion.Union(a, b);
        return union.Take(Ordering.StableOrder(union));
    }

    // filter_series[filter_series] needs booleans; every position of a selected label is marked
    private static bool[] MarkFiltered(Column combined, Series filter)
    {
        var selected = new HashSet<object>(LabelComparer.Instance);
        for (var i = 0; i < filter.Length; i++)
        {
            switch (filter.Values.GetValue(i))
            {
                case true:
                    selected.Add(Label(filter.Index, i));
                    break;
                case false:
                    break;
                default:
                    throw PyException.ValueError("Cannot mask with non-boolean array containing NA / NaN values");
            }
        }
        return [.. Enumerable.Range(0, combined.Length).Select(i => selected.Contains(Label(combined, i)))];
    }

    private static object Label(Column column, int i) => column.IsMissing(i) ? LabelComparer.Missing : column.GetValue(i)!;

    private static double[] Prepared(Column combined, Series timeseries, bool[] inFilter)
    {
        var positions = IndexAlignment.Reindex(timeseries.Index, combined);
        var source = timeseries.Values.ToDoubles();
        var values = new double[combined.Length];
        for (var i = 0; i < values.Length; i++)
        {
            values[i] = inFilter[i] || positions[i] < 0 ? double.NaN : source[positions[i]];
        }
        return values;
    }

    // (t_i - t_(i-1)).total_seconds(), NaT differences as 0, summed up
    private static Float64Column ElapsedSeconds(DateTimeColumn dates)
    {
        var nanos = EpochNanos.FromColumn(dates);
        var seconds = new double[nanos.Length];
        for (var i = 1; i < seconds.Length; i++)
        {
            var step = nanos[i] == EpochNanos.NaT || nanos[i - 1] == EpochNanos.NaT ? 0.0 : (nanos[i] - nanos[i - 1]) / 1e9;
            seconds[i] = seconds[i - 1] + step;
        }
        return new Float64Column(seconds);
    }
}
