namespace Runwire.Core.Components.Connectors;

/// <summary>The "Pass Through" family: one input named <c>input</c>, returned unchanged as <c>output</c>.</summary>
public sealed class PassThrough(Guid id) : IComponent
{
    public Guid Id { get; } = id;

    public IReadOnlyDictionary<string, object?> Run(ComponentInputs inputs) =>
        new Dictionary<string, object?> { ["output"] = inputs["input"] };
}
