namespace Runwire.Core.Components.Basic;

/// <summary>hetida "Last Datetime Index": the latest index timestamp as an isoformat string, None for empty data.</summary>
public sealed class LastDatetimeIndex : IComponent
{
    public Guid Id { get; } = new("c8e3bc64-b214-6486-31db-92a8888d8991");

    public IReadOnlyDictionary<string, object?> Run(ComponentInputs inputs) =>
        new Dictionary<string, object?> { ["last_index"] = DatetimeIndexBound.Find(inputs["timeseries_data"], last: true) };
}
