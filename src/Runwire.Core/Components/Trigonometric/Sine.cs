using Runwire.Core.Components.Python;

namespace Runwire.Core.Components.Trigonometric;

/// <summary>hetida "Sine": <c>np.sin(data)</c>.</summary>
public sealed class Sine : IComponent
{
    public Guid Id { get; } = new("2cc88d07-b151-dc5b-d4c4-cfd95a043de3");

    public IReadOnlyDictionary<string, object?> Run(ComponentInputs inputs) =>
        new Dictionary<string, object?> { ["result"] = PyOps.Apply(UFunc.Sin, inputs["data"]) };
}
