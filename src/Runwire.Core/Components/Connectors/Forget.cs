namespace Runwire.Core.Components.Connectors;

/// <summary>"Forget": consumes its input and has no outputs (it lets a workflow end an unused branch).</summary>
public sealed class Forget : IComponent
{
    public Guid Id { get; } = new("d1fb4ae5-ef27-26b8-7a58-40b7cd8412e7");

    public IReadOnlyDictionary<string, object?> Run(ComponentInputs inputs) => new Dictionary<string, object?>();
}
