using Runwire.Core.Components.Python;

namespace Runwire.Core.Components.Trigonometric;

/// <summary>hetida "Arcuscosine": <c>np.arccos(data)</c>.</summary>
public sealed class Arcuscosine : IComponent
{
    public Guid Id { get; } = new("ba0783de-93ab-0eb2-87fd-a5e09aff9d87");

    public IReadOnlyDictionary<string, object?> Run(ComponentInputs inputs) =>
        new Dictionary<string, object?> { ["result"] = PyOps.Apply(UFunc.Arccos, inputs["data"]) };
}
