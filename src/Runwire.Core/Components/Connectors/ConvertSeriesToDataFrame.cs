namespace Runwire.Core.Components.Connectors;

/// <summary>"Convert Series to DataFrame": <c>input.to_frame()</c>.</summary>
public sealed class ConvertSeriesToDataFrame : IComponent
{
    public Guid Id { get; } = new("2f8c3864-8d45-5d68-c73f-229ef43bf944");

    public IReadOnlyDictionary<string, object?> Run(ComponentInputs inputs) =>
        new Dictionary<string, object?> { ["output"] = FrameBuilding.ToFrame(inputs.Series("input")) };
}
