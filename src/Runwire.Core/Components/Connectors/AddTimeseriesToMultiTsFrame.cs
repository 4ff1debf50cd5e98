namespace Runwire.Core.Components.Connectors;

/// <summary>"Add Timeseries to MultiTSFrame": appends the series' rows (timestamp, value, metric) to the MultiTSFrame.</summary>
public sealed class AddTimeseriesToMultiTsFrame : IComponent
{
    public Guid Id { get; } = new("25cc7f0f-95a9-4fe0-9a37-36589ea2851e");

    public IReadOnlyDictionary<string, object?> Run(ComponentInputs inputs)
    {
        var rows = RowConcat.LongFormat(inputs.Series("timeseries_to_add"), inputs.String("metric_of_timeseries"));
        return new Dictionary<string, object?> { ["multitsframe"] = RowConcat.Concat(inputs.Frame("multitsframe"), rows) };
    }
}
