using Runwire.Core.Components.Python;

namespace Runwire.Core.Components.Arithmetic;

/// <summary>hetida "Sum up Series": <c>data.sum()</c>, NaN skipped (an empty float series sums to 0.0).</summary>
public sealed class SumUpSeries : IComponent
{
    public Guid Id { get; } = new("878d85a2-2cf5-235b-d260-fd94c734cec9");

    public IReadOnlyDictionary<string, object?> Run(ComponentInputs inputs)
    {
        var data = PandasArgs.AsSeries(inputs["data"], "sum");
        return new Dictionary<string, object?> { ["sum"] = PandasReductions.Sum(data.Values) };
    }
}
