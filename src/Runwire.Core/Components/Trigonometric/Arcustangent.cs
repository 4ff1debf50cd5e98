using Runwire.Core.Components.Python;

namespace Runwire.Core.Components.Trigonometric;

/// <summary>hetida "Arcustangent": <c>np.arctan(data)</c>.</summary>
public sealed class Arcustangent : IComponent
{
    public Guid Id { get; } = new("8b974f17-5055-80f2-64f5-96c6eff93a35");

    public IReadOnlyDictionary<string, object?> Run(ComponentInputs inputs) =>
        new Dictionary<string, object?> { ["result"] = PyOps.Apply(UFunc.Arctan, inputs["data"]) };
}
