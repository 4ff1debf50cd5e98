namespace Runwire.Core.Components.Basic;

/// <summary>hetida "First Datetime Index": the earliest index timestamp as an isoformat string, None for empty data.</summary>
public sealed class FirstDatetimeIndex : IComponent
{
    public Guid Id { get; } = new("c7dbb92b-4a4c-c6d2-6665-5ee7d4eeab91");

    public IReadOnlyDictionary<string, object?> Run(ComponentInputs inputs) =>
        new Dictionary<string, object?> { ["first_index"] = DatetimeIndexBound.Find(inputs["timeseries_data"], last: false) };
}
