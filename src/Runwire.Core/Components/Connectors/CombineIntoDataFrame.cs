namespace Runwire.Core.Components.Connectors;

/// <summary>
/// "Combine into DataFrame": adds the series as a column named after it; an unnamed series takes the first free
/// "0", "1", ...; a name already present gets the first free suffix "_1", "_2", ...
/// </summary>
public sealed class CombineIntoDataFrame : IComponent
{
    public Guid Id { get; } = new("68f91351-a1f5-9959-414a-2c72003f3226");

    public IReadOnlyDictionary<string, object?> Run(ComponentInputs inputs)
    {
        var frame = FrameBuilding.FrameOf(inputs["series_or_dataframe"]);
        var series = inputs.Series("series");
        var name = ColumnName(series.Name, frame.ColumnNames);
        return new Dictionary<string, object?> { ["dataframe"] = FrameBuilding.SetAligned(frame, name, series) };
    }

    private static string ColumnName(string? seriesName, IReadOnlyList<string> columns)
    {
        if (seriesName is null)
        {
            var i = 0;
            while (columns.Contains($"{i}"))
            {
                i++;
            }
            return $"{i}";
        }
        if (!columns.Contains(seriesName))
        {
            return seriesName;
        }
        var suffix = 1;
        while (columns.Contains($"{seriesName}_{suffix}"))
        {
            suffix++;
        }
        return $"{seriesName}_{suffix}";
    }
}
