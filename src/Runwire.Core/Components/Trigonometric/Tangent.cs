using Runwire.Core.Components.Python;

namespace Runwire.Core.Components.Trigonometric;

/// <summary>hetida "Tangent": <c>np.tan(data)</c>.</summary>
public sealed class Tangent : IComponent
{
    public Guid Id { get; } = new("38eb0c5d-6182-0be2-3058-9b5bddc7842d");

    public IReadOnlyDictionary<string, object?> Run(ComponentInputs inputs) =>
        new Dictionary<string, object?> { ["result"] = PyOps.Apply(UFunc.Tan, inputs["data"]) };
}
