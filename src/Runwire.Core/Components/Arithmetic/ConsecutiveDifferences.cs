using Runwire.Core.Components.Python;
using Runwire.Core.Data;

namespace Runwire.Core.Components.Arithmetic;

/// <summary>hetida "Consecutive differences": <c>v[i] - v[i-1]</c> of the series without NaN, sorted by index, stamped at the later index.</summary>
public sealed class ConsecutiveDifferences : IComponent
{
    public Guid Id { get; } = new("ce801dcb-8ce1-14ad-029d-a14796dcac92");

    public IReadOnlyDictionary<string, object?> Run(ComponentInputs inputs)
    {
        var data = PandasArgs.AsSeries(inputs["data"], "dropna");
        // hetida catches only TypeError here, so an unparseable string index fails with pandas' own ValueError.
        var sorted = TimeSeriesIndex.Sorted(data.DropNa(), catchValueError: false);
        var diff = TimeSeriesIndex.Differences(sorted.Values);
        return new Dictionary<string, object?> { ["diff"] = new Series(TimeSeriesIndex.Later(sorted.Index), diff) };
    }
}
