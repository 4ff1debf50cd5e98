using Runwire.Core.Components.Python;

namespace Runwire.Core.Components.Trigonometric;

/// <summary>hetida "Cosine": <c>np.cos(data)</c>.</summary>
public sealed class Cosine : IComponent
{
    public Guid Id { get; } = new("1a83d0bb-2321-fd1a-8db4-22320b6eeb1c");

    public IReadOnlyDictionary<string, object?> Run(ComponentInputs inputs) =>
        new Dictionary<string, object?> { ["result"] = PyOps.Apply(UFunc.Cos, inputs["data"]) };
}
