namespace Runwire.Core.Components.Connectors;

/// <summary>"Combine as named column into DataFrame": <c>df[column_name] = series</c>, index-aligned.</summary>
public sealed class CombineAsNamedColumn : IComponent
{
    public Guid Id { get; } = new("0d08af64-3f34-cddc-354b-d6a26c3f1aab");

    public IReadOnlyDictionary<string, object?> Run(ComponentInputs inputs)
    {
        var frame = FrameBuilding.FrameOf(inputs["series_or_dataframe"]);
        var series = inputs.Series("series");
        var name = inputs.String("column_name");
        return new Dictionary<string, object?> { ["dataframe"] = FrameBuilding.SetAligned(frame, name, series) };
    }
}
